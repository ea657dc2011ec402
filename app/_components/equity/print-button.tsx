'use client';

import { useState } from 'react';
import { loadEquityCharts } from './chart-loaders';

/**
 * "Print or save as PDF": the browser's own print dialog, which the print stylesheet lays out as a clean report.
 * Charts draw when they come near the screen; printing draws the rest (chart-frame.ts), so their modules are fetched
 * first and every chart is on paper.
 */
export function PrintButton({ label = 'Print or save as PDF' }: { label?: string }) {
  const [preparing, setPreparing] = useState(false);
  async function print() {
    setPreparing(true);
    try {
      await loadEquityCharts();
    } finally {
      setPreparing(false);
    }
    window.print();
  }
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => void print()} disabled={preparing} data-testid="print-button">
      {preparing ? 'Preparing the charts…' : label}
    </button>
  );
}
