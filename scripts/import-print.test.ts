import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { progressPrinter, reportImport } from './import-print';

/** What `npm run import` prints around each kind's own lines, for every kind alike. */

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
});
afterEach(() => vi.restoreAllMocks());

const skipped = [
  { row: 1, kind: 'not-a-line', reason: 'above the header row (a title or note)' },
  { row: 7, kind: 'already-imported', reason: 'already imported (receipt 3)' },
];
const errors = [
  { row: 4, column: 'Amount', value: 'x', reason: 'not an amount' },
  { row: 4, column: 'Date', value: 'y', reason: 'not a date' },
];

function report(preview: object, commit: object) {
  return {
    kind: 'receipts',
    preview: async () => preview as never,
    commit: async () => commit as never,
    printPlan: () => console.log('(the plan)'),
    toCreate: () => '2 receipts to create ($10.00)',
    printWritten: () => console.log('(what was written)'),
  };
}

it('prints a dry run: columns, problems, skipped rows, the kind’s lines, a summary; exit 1 when a row has a problem', async () => {
  const preview = { ok: true, mapping: { Date: 'received_on', Notes: null }, errors, skipped };
  const code = await reportImport(report(preview, {}), { dryRun: true, verbose: false, started: Date.now() });
  expect(code).toBe(1);
  expect(out.slice(0, -1)).toEqual([
    'Columns: "Date" → received_on, "Notes" → (not imported)',
    '\nProblems (1 row; nothing is imported until every one is fixed):',
    '  row 4, column "Amount": "x": not an amount',
    '  row 4, column "Date": "y": not a date',
    '\nSkipped (2 rows):',
    '  row 1: above the header row (a title or note)',
    '  row 7: already imported (receipt 3)',
    '(the plan)',
    '\nSummary: 2 receipts to create ($10.00), 1 already imported, 1 row skipped, 1 row with problems.',
  ]);
  expect(out.at(-1)).toMatch(/^Dry run: nothing was written \(\d+\.\d s\)\.$/);
});

it('prints a refused file with its columns, and a refused import with every problem and the reason', async () => {
  const refusedFile = { ok: false, reason: 'no header row', headers: ['A', ''], mapping: { A: null }, errors: [] };
  expect(await reportImport(report(refusedFile, refusedFile), { dryRun: false, verbose: false, started: 0 })).toBe(1);
  expect(out).toEqual([
    'The file cannot be imported as receipts: no header row',
    'Its columns: "A"',
    'Columns: "A" → (not imported)',
    'Map them with --kind receipts --map "Header=field,…", or choose another --kind',
  ]);
  out.length = 0;
  const refusedRows = { ok: false, reason: '1 row has a problem; nothing was imported.', errors };
  expect(await reportImport(report({}, refusedRows), { dryRun: false, verbose: false, started: 0 })).toBe(1);
  expect(out[0]).toBe('\nProblems (1 row; nothing is imported until every one is fixed):');
  expect(out.at(-1)).toBe('\n1 row has a problem; nothing was imported.');
});

it('prints an import: skipped rows, then the kind’s lines', async () => {
  expect(await reportImport(report({}, { ok: true, skipped }), { dryRun: false, verbose: false, started: 0 })).toBe(0);
  expect(out).toEqual(['\nSkipped (2 rows):', '  row 1: above the header row (a title or note)', '  row 7: already imported (receipt 3)', '(what was written)']);
});

it('prints progress at every 5% of the records written, and the closing line once all are', () => {
  const progress = progressPrinter('lines', '  checking category splits and committing…');
  progress(0, 40);
  progress(1, 40);
  progress(2, 40);
  progress(40, 40);
  expect(err).toEqual([
    '  0% (0 of 40 lines written)',
    '  5% (2 of 40 lines written)',
    '  100% (40 of 40 lines written)',
    '  checking category splits and committing…',
  ]);
});
