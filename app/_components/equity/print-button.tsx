'use client';

/**
 * "Print or save as PDF": the browser's own print dialog, which the print stylesheet lays out as a clean report.
 * Every chart is SVG in the server's HTML (ADR 0014), so there is nothing to load or draw first.
 */
export function PrintButton({ label = 'Print or save as PDF' }: { label?: string }) {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()} data-testid="print-button">
      {label}
    </button>
  );
}
