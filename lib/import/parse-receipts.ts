import { createHash } from 'node:crypto';
import { FISCAL_YEAR_CEILING, FISCAL_YEAR_FLOOR } from './cell-values';
import { RECEIPT_FIELD_TABLE, type ReceiptField } from './kind-fields';
import { locateCompleteTable, readKindRows, type KindRowsResult } from './kind-table';
import { occurrenceKeys, paymentYearOf, readMoneyDate, readNonZeroAmount } from './money-cells';

/**
 * A receipts ledger's rows → the receipts to record, each problem named by row, column, value and reason. Pure: the
 * context answers the funding-source lookups. The rules are the receipt form's (lib/services/receipts/input.ts): a
 * date, a source, a non-zero amount (negative is a correction), a note under 2,000 characters; the fiscal year
 * follows from the date and the locality's fiscal-year start month, as createReceipt does.
 */

export interface ReceiptImportContext {
  fyStartMonth: number;
  /** Today (YYYY-MM-DD) for the date guardrail; the server's date when not given (lib/services/expenditures/guardrails.ts). */
  today?: string;
  /** A funding source by key, name or alias; null when none. */
  resolveSource(name: string): number | null;
  /** Why a name is not a source, with the closest real names. */
  unknownSource(name: string): string;
  /** The "interest earned" source, for rows whose Interest column says yes; null when the database has none. */
  interestSourceId: number | null;
  /** Why a year is not a payment year of the source (before its first payment, or interest with a year); null if it is. */
  paymentYearProblem(sourceId: number, year: number): string | null;
}

export interface ParsedReceipt {
  row: number;
  importKey: string;
  receivedOn: string;
  fiscalYear: number;
  sourceId: number;
  paymentYear: number | null;
  amountCents: bigint;
  note: string;
}

export type ReceiptRowsResult = KindRowsResult<ParsedReceipt, ReceiptField>;

const NOTE_MAX = 2000;
const YES = new Set(['yes', 'y', 'true', 'x', '1', 'interest']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const RECEIVED = new Set(['', 'received', 'deposited', 'paid', 'posted', 'cleared', 'complete', 'completed', 'final']);
const NOT_YET = new Set(['pending', 'expected', 'projected', 'scheduled', 'anticipated', 'estimated', 'forecast', 'notreceived']);

export function parseReceiptRows(
  rows: readonly string[][],
  context: ReceiptImportContext,
  userMapping?: Record<string, string | null>,
): ReceiptRowsResult {
  // With an Interest column, a row may name no settlement: it is interest.
  const table = locateCompleteTable(rows, RECEIPT_FIELD_TABLE, 'receipts', userMapping, (field, columns) => field === 'source' && columns.interest !== undefined);
  if (!table.ok) return table;
  // The same payment twice in one ledger (same day, source, year and amount) is two deposits only if the ledger
  // says so (occurrenceKeys).
  const importKeyOf = occurrenceKeys();
  return readKindRows(table, RECEIPT_FIELD_TABLE, (cell, row, skip): ParsedReceipt | null => {
    const { text, fail, required } = cell;

    const status = text('status').toLowerCase().replace(/[^a-z]/g, '');
    if (NOT_YET.has(status)) return skip(`not yet received (status "${text('status')}"), not imported`);
    if (!RECEIVED.has(status)) {
      fail('status', `unknown status "${text('status')}"; use Received (or leave it blank), or Pending for money not yet received`);
    }

    const received = readMoneyDate(cell, 'received_on', 'receipt', context);

    let interest = false;
    const interestText = text('interest').toLowerCase();
    if (YES.has(interestText)) interest = true;
    else if (!NO.has(interestText)) fail('interest', `"${text('interest')}" is not yes or no`);

    let sourceId: number | null = null;
    let note = text('note');
    const sourceText = text('source');
    if (interest) {
      sourceId = context.interestSourceId ?? fail('interest', 'this database has no "interest earned" funding source');
      // "Interest" beside a settlement's name: the money is interest; the settlement it was earned on is kept.
      const named = sourceText === '' ? null : context.resolveSource(sourceText);
      if (sourceText !== '' && named !== context.interestSourceId) {
        note = note === '' ? `Interest earned on ${sourceText}` : `Interest earned on ${sourceText}. ${note}`;
      }
    } else if (required('source') !== null) {
      sourceId = context.resolveSource(sourceText) ?? fail('source', context.unknownSource(sourceText));
    }

    let paymentYear: number | null = null;
    const paymentText = text('payment_year');
    if (paymentText !== '') {
      const value = paymentYearOf(paymentText);
      if (value === null) {
        fail('payment_year', `"${paymentText}" is not a payment year; write the 4-digit year of the settlement payment, like 2024 (installment numbers such as "Year 3" are not read)`);
      } else if (value < FISCAL_YEAR_FLOOR || value > FISCAL_YEAR_CEILING) {
        fail('payment_year', `payment year ${value} is outside ${FISCAL_YEAR_FLOOR}–${FISCAL_YEAR_CEILING}`);
      } else paymentYear = value;
    }
    if (paymentYear !== null && sourceId !== null) {
      const problem = context.paymentYearProblem(sourceId, paymentYear);
      if (problem) fail('payment_year', problem);
    }

    const amountCents = readNonZeroAmount(cell, 'amount', 'the amount received cannot be zero');

    if (note.length > NOTE_MAX) fail('note', `the note is ${note.length} characters; keep it under ${NOTE_MAX.toLocaleString('en-US')}`);

    if (cell.errors.length > 0 || received === null || sourceId === null || amountCents === null) return null;
    return {
      row,
      importKey: importKeyOf(receiptKeyOf({ receivedOn: received.on, sourceId, paymentYear, amountCents })),
      receivedOn: received.on,
      fiscalYear: received.fiscalYear,
      sourceId,
      paymentYear,
      amountCents,
      note,
    };
  });
}

/**
 * What identifies a receipt across re-imports: the day, the source, the payment year and the amount. Not the note:
 * a note edited since the last import must not record the money twice.
 */
export function receiptKeyOf(input: { receivedOn: string; sourceId: number; paymentYear: number | null; amountCents: bigint }): string {
  const parts = ['abate-receipt-v1', input.receivedOn, input.sourceId, input.paymentYear, input.amountCents.toString()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

