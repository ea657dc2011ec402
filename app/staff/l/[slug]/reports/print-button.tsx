'use client';

/** The browser's print dialog; the page's print styles fit the report on paper. */
export function PrintReportButton() {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}
