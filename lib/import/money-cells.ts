import { fiscalYearOf } from '@/lib/fiscal-year';
import { parseMoney } from '@/lib/money';
import { moneyDateProblem, type MoneyDateKind } from '@/lib/services/expenditures/guardrails';
import { FISCAL_YEAR_CEILING, FISCAL_YEAR_FLOOR } from './cell-values';
import { parseDateCell } from './date-cell';
import type { RowCells } from './row-cells';

/**
 * The cells a receipt row and a payment row read the same way, by the same rules as their forms: the date the money
 * moved (and the fiscal year it falls in), a non-zero amount, and the import key of a row that repeats another; and
 * the amount an allocation or expected-payment row may not give as negative, and the settlement payment year a receipt
 * or an expected payment names. One place for each rule, so the imports cannot drift apart.
 */

/** What a money cell reads through: rowCells' required cell and its failure, which names the column. */
type MoneyCells<F extends string> = Pick<RowCells<F>, 'required' | 'fail'>;

/**
 * The date money was received or paid, required, with the fiscal year it falls in for the locality's start month;
 * null when the cell is missing or refused (the reason is recorded against `field`).
 */
export function readMoneyDate<F extends string>(
  cell: MoneyCells<F>,
  field: F,
  kind: MoneyDateKind,
  context: { fyStartMonth: number; today?: string },
): { on: string; fiscalYear: number } | null {
  const dateText = cell.required(field);
  if (dateText === null) return null;
  const date = parseDateCell(dateText);
  if (!date.ok) return cell.fail(field, date.reason);
  const year = fiscalYearOf(date.value, context.fyStartMonth);
  // The plausible range first (lib/services/expenditures/guardrails.ts): it says more than the database's fiscal-year bounds.
  const problem = moneyDateProblem(date.value, kind, context.today);
  if (problem) return cell.fail(field, problem);
  if (year < FISCAL_YEAR_FLOOR || year > FISCAL_YEAR_CEILING) {
    return cell.fail(field, `"${dateText}" falls in fiscal year ${year}, outside ${FISCAL_YEAR_FLOOR}–${FISCAL_YEAR_CEILING}`);
  }
  return { on: date.value, fiscalYear: year };
}

/** A required amount in cents that is not zero (negative is a correction or a refund); `zeroReason` says why not zero. */
export function readNonZeroAmount<F extends string>(cell: MoneyCells<F>, field: F, zeroReason: string): bigint | null {
  const amountText = cell.required(field);
  if (amountText === null) return null;
  const money = parseMoney(amountText);
  if (!money.ok) return cell.fail(field, money.reason);
  if (money.cents === 0n) return cell.fail(field, zeroReason);
  return money.cents;
}

/**
 * An amount in cents that may not be negative (an allocated, spent or expected amount), read from `amountText`; null
 * when there is no text (the caller decides whether the cell is required) or the cell is refused.
 */
export function readNonNegativeAmount<F extends string>(
  cell: Pick<MoneyCells<F>, 'fail'>,
  field: F,
  amountText: string | null,
  negativeReason: string,
): bigint | null {
  if (amountText === null) return null;
  const money = parseMoney(amountText);
  if (!money.ok) return cell.fail(field, money.reason);
  if (money.cents < 0n) return cell.fail(field, negativeReason);
  return money.cents;
}

/**
 * A settlement payment year as a ledger or an estimate writes it: 2024, FY2024, FY 2024, or 2024.0 from a
 * spreadsheet's number; null for anything else (an installment number such as "Year 3" is not a year).
 */
export function paymentYearOf(text: string): number | null {
  const match = /^(?:FY\s*)?(\d{4})(?:\.0+)?$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Import keys for one file's rows: a row's identity, and from its second occurrence on `identity#n`. The same money
 * twice in one file (two deposits, two invoices) is two rows only if the file says so; keyed by occurrence, a
 * re-import of the same file still recognises both.
 */
export function occurrenceKeys(): (identity: string) => string {
  const seen = new Map<string, number>();
  return (identity) => {
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return occurrence === 1 ? identity : `${identity}#${occurrence}`;
  };
}
