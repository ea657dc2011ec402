import { createHash } from 'node:crypto';
import { parseDateCell } from './date-cell';
import { EXPECTED_PAYMENT_FIELD_TABLE, type ExpectedPaymentField } from './kind-fields';
import { locateCompleteTable, readKindRows, type KindRowsResult } from './kind-table';
import { occurrenceKeys, paymentYearOf, readNonNegativeAmount } from './money-cells';

/**
 * A settlement administrator's payment estimates → expected-payment revisions, each problem named by row, column,
 * value and reason. Pure: the context resolves settlement names and says whether a payment year is one of the
 * settlement's (the rules of lib/services/expected-payments/expected-payment-input.ts). The estimate's date and
 * source may be given once for the whole file instead of in columns.
 */

export interface ExpectedPaymentImportContext {
  /** A funding source by key, name or alias; null when none. */
  resolveSource(name: string): number | null;
  /** Why a name is not a source, with the closest real names. */
  unknownSource(name: string): string;
  /** Why the source is not a settlement, or the year not one of its payment years; null when both are fine. */
  settlementYearProblem(sourceId: number, year: number): { field: 'settlement' | 'payment_year'; reason: string } | null;
  /** The estimate source given once for the file (`--estimate-source`, the form's field); '' when none. */
  estimateSource: string;
  /** The estimate date given once for the file; '' when none. */
  estimatedOn: string;
}

export interface ParsedExpectedPayment {
  row: number;
  importKey: string;
  sourceId: number;
  paymentYear: number;
  amountCents: bigint;
  expectedOn: string | null;
  estimatedOn: string;
  estimateSource: string;
}

export type ExpectedPaymentRowsResult = KindRowsResult<ParsedExpectedPayment, ExpectedPaymentField>;

const SOURCE_MAX = 500;

export function parseExpectedPaymentRows(
  rows: readonly string[][],
  context: ExpectedPaymentImportContext,
  userMapping?: Record<string, string | null>,
): ExpectedPaymentRowsResult {
  const table = locateCompleteTable(rows, EXPECTED_PAYMENT_FIELD_TABLE, 'expected payments', userMapping);
  if (!table.ok) return table;
  const { headers, columns, mapping } = table;
  const fileSource = context.estimateSource.trim();
  if (columns.estimate_source === undefined && fileSource === '') {
    return {
      ok: false,
      reason:
        'The file has no Source column, and no estimate source was given for it: say where the estimates come from ' +
        '("BrownGreer allocation estimate, 2026-11-15") in the estimate source field, or with --estimate-source.',
      headers,
      mapping,
    };
  }
  let fileDate: string | null = null;
  if (context.estimatedOn.trim() !== '') {
    const date = parseDateCell(context.estimatedOn.trim());
    if (!date.ok) return { ok: false, reason: `The estimate date given for the file: ${date.reason}`, headers, mapping };
    fileDate = date.value;
  }
  if (columns.estimated_on === undefined && fileDate === null) {
    return {
      ok: false,
      reason: 'The file has no Estimate Date column, and no estimate date was given for it: give the date of the estimate in the estimate date field, or with --estimated-on.',
      headers,
      mapping,
    };
  }

  const importKeyOf = occurrenceKeys();
  return readKindRows(table, EXPECTED_PAYMENT_FIELD_TABLE, (cell, row): ParsedExpectedPayment | null => {
    const { text, fail, required } = cell;

    let sourceId: number | null = null;
    const settlementText = required('settlement');
    if (settlementText !== null) sourceId = context.resolveSource(settlementText) ?? fail('settlement', context.unknownSource(settlementText));

    let paymentYear: number | null = null;
    const yearText = required('payment_year');
    if (yearText !== null) {
      paymentYear = paymentYearOf(yearText);
      if (paymentYear === null) fail('payment_year', `"${yearText}" is not a payment year; write the 4-digit year of the settlement payment, like 2026`);
    }
    if (sourceId !== null && paymentYear !== null) {
      const problem = context.settlementYearProblem(sourceId, paymentYear);
      if (problem) paymentYear = fail(problem.field, problem.reason);
    }

    const amountCents = readNonNegativeAmount(cell, 'amount', required('amount'), 'an expected amount cannot be negative');

    let expectedOn: string | null = null;
    if (text('expected_on') !== '') {
      const date = parseDateCell(text('expected_on'));
      if (!date.ok) fail('expected_on', date.reason);
      else expectedOn = date.value;
    }

    let estimatedOn: string | null = fileDate;
    if (text('estimated_on') !== '') {
      const date = parseDateCell(text('estimated_on'));
      estimatedOn = date.ok ? date.value : fail('estimated_on', date.reason);
    } else if (fileDate === null) fail('estimated_on', 'estimate date is missing');

    const estimateSource = text('estimate_source') || fileSource;
    if (estimateSource === '') fail('estimate_source', 'estimate source is missing: say where the estimate comes from');
    else if (estimateSource.length > SOURCE_MAX) fail('estimate_source', `the estimate source is ${estimateSource.length} characters; keep it under ${SOURCE_MAX}`);

    if (cell.errors.length > 0 || sourceId === null || paymentYear === null || amountCents === null || estimatedOn === null) return null;
    return {
      row,
      importKey: importKeyOf(expectedPaymentKeyOf({ sourceId, paymentYear, amountCents, expectedOn, estimatedOn, estimateSource })),
      sourceId,
      paymentYear,
      amountCents,
      expectedOn,
      estimatedOn,
      estimateSource,
    };
  });
}

/**
 * What identifies a revision across re-imports: everything it says. The same file again creates nothing; a new
 * estimate of the same year (another date, amount or source) is a new revision.
 */
export function expectedPaymentKeyOf(input: Omit<ParsedExpectedPayment, 'row' | 'importKey'>): string {
  const parts = [
    'abate-expected-payment-v1',
    input.sourceId,
    input.paymentYear,
    input.amountCents.toString(),
    input.expectedOn,
    input.estimatedOn,
    input.estimateSource,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
