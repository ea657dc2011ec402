import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { reportAnswer } from './api';
import { ReportAnswerSchema } from './api-schema';
import { MONEY_FORMAT } from './to-xlsx';
import { useKnownLedger } from './testing';
import { apiErrorOf } from '@/lib/open-data/testing/api-error';

describeEachDriver('GET /api/v1/localities/{slug}/reports/{report}', (driver) => {
  const known = useKnownLedger(driver, { slug: 'pine-county-api' });

  it('answers the report as JSON that matches its schema, every money figure exact with the ids it sums', async () => {
    const answer = await reportAnswer(known.db, 'pine-county-api', 'nc-annual-financial-report', new URLSearchParams('fy=2024'));
    expect(answer.kind).toBe('json');
    if (answer.kind !== 'json') return;
    expect(ReportAnswerSchema.parse(answer.value)).toEqual(answer.value);
    expect(answer.value).toMatchObject({ report: 'nc-annual-financial-report', locality: 'pine-county-api', fiscal_year: 2024, due_on: '2024-09-28' });
    const summary = answer.value.sections.find((s) => s.key === 'summary')!;
    expect(summary.rows.find((r) => r.key === 'ending')!.cells.amount).toEqual({ money: { cents: '4289012', decimal: '42890.12' }, sums: { receipts: [], payments: [], lines: [], fund: true } });
    expect(summary.rows.find((r) => r.key === 'received')!.cells.amount).toMatchObject({ sums: { receipts: [known.ledger.receipts.distributors, known.ledger.receipts.interest] } });
  });

  it('without fy, answers the last fiscal year that has ended', async () => {
    const answer = await reportAnswer(known.db, 'pine-county-api', 'pa-annual-report', new URLSearchParams(), new Date('2025-03-01T12:00:00Z'));
    expect(answer.kind === 'json' && answer.value.fiscal_year).toBe(2024);
  });

  it('with format=xlsx, answers a workbook that holds the same figures as numbers with a currency format', async () => {
    const answer = await reportAnswer(known.db, 'pine-county-api', 'nc-annual-financial-report', new URLSearchParams('fy=2024&format=xlsx'));
    expect(answer.kind).toBe('xlsx');
    if (answer.kind !== 'xlsx') return;
    expect(answer.filename).toBe('pine-county-api-nc-annual-financial-report-fy2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row) => rows.push([row.getCell(1).value as string | null, row.getCell(2).value as number | null]));
    expect(rows).toContainEqual(['5. Ending balance on 2024-06-30', 42890.12]);
    expect(rows).toContainEqual(['2. Amount received during the fiscal year', 50123.45]);
    expect(rows).toContainEqual(['7. Naloxone distribution', 1666.66]);
    let moneyCell: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '4. Amount used for audit costs (MOA section F.3)') moneyCell = row.getCell(2);
    });
    expect((moneyCell as ExcelJS.Cell | null)?.numFmt).toBe(MONEY_FORMAT);
  });

  it('refuses an unknown report with the list of keys (404), and a bad fy or format (400)', async () => {
    const unknown = await apiErrorOf(reportAnswer(known.db, 'pine-county-api', 'tx-report', new URLSearchParams('fy=2024')));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain('nc-annual-financial-report, nc-annual-impact-report, ma-municipal-report, pa-annual-report');
    const badFy = await apiErrorOf(reportAnswer(known.db, 'pine-county-api', 'nc-annual-financial-report', new URLSearchParams('fy=24')));
    expect([badFy.status, badFy.field]).toEqual([400, 'fy']);
    const badFormat = await apiErrorOf(reportAnswer(known.db, 'pine-county-api', 'nc-annual-financial-report', new URLSearchParams('fy=2024&format=pdf')));
    expect([badFormat.status, badFormat.field]).toEqual([400, 'format']);
    expect((await apiErrorOf(reportAnswer(known.db, 'no-such-place', 'nc-annual-financial-report', new URLSearchParams('fy=2024')))).status).toBe(404);
  });
});
