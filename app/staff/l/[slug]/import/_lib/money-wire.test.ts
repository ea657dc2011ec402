import { describe, expect, it } from 'vitest';
import type { ParsedOutcome } from '@/lib/import/parse-outcomes';
import { moneyPreviewToWire } from './money-wire';

const outcome = (row: number, figures: Partial<ParsedOutcome>): ParsedOutcome => ({
  row,
  importKey: `key-${row}`,
  allocationId: 7,
  allocationLabel: 'Naloxone distribution (FY2026)',
  measure: 'naloxone_kits',
  customMeasureName: null,
  unit: null,
  periodStart: '2025-07-01',
  periodEnd: '2025-09-30',
  units: 1204n,
  source: 'Health department quarterly report',
  ...figures,
});

describe('an outcome import preview, as the browser gets it', () => {
  it('shows each outcome as program, measure, count with its unit, period and source, and no money total', () => {
    const wire = moneyPreviewToWire({
      kind: 'outcomes',
      ok: true,
      fileName: 'outcomes.csv',
      headers: ['Program', 'Measure', 'Count'],
      mapping: { Program: 'program', Measure: 'measure', Count: 'units' },
      committable: false,
      create: [
        outcome(4, {}),
        outcome(5, { measure: 'other', customMeasureName: 'Peer sessions', unit: 'session', units: 1n, periodStart: '2025-07-15', periodEnd: '2025-08-31' }),
      ],
      errors: [{ row: 6, column: 'Count', value: 'many', reason: 'is not a whole number' }],
      skipped: [{ row: 9, kind: 'already-imported', reason: 'already imported' }],
    });
    expect(wire).toMatchObject({
      ok: true,
      kind: 'outcomes',
      columns: ['Row', 'Program', 'Measure', 'Count', 'Period', 'Source'],
      rows: [
        { row: 4, cells: ['4', 'Naloxone distribution (FY2026)', 'Naloxone kits distributed', '1,204 kits', 'Jul–Sep 2025', 'Health department quarterly report'] },
        { row: 5, cells: ['5', 'Naloxone distribution (FY2026)', 'Peer sessions', '1 session', 'Jul 15, 2025 – Aug 31, 2025', 'Health department quarterly report'] },
      ],
      createCount: 2,
      errorCount: 1,
      errorRowCount: 1,
      alreadyImported: 1,
      notes: [],
      total: null,
    });
  });

  it('passes a file the import cannot read on as its reason', () => {
    expect(moneyPreviewToWire({ kind: 'outcomes', ok: false, reason: 'No Program column', headers: ['A'] })).toEqual({
      ok: false,
      reason: 'No Program column',
      headers: ['A'],
    });
  });
});
