import { createHash } from 'node:crypto';
import { costTypeFromText, unknownCostTypeReason, type CostType } from '@/lib/services/cost-type';
import { parseFiscalYear } from './cell-values';
import { nameDistance, quotedList } from './closest-names';
import { normalizeIdentity } from './import-key';
import { EXPENDITURE_FIELD_TABLE, type ExpenditureField } from './kind-fields';
import { locateCompleteTable, readKindRows, type KindRowsResult } from './kind-table';
import { occurrenceKeys, readMoneyDate, readNonZeroAmount } from './money-cells';

/**
 * An expenditures report's rows → the payments to record, each against a live allocation line of the locality found
 * by its program name (and the fiscal year, when a column gives it). The rules are the expenditure form's
 * (lib/services/expenditures/input.ts): a date, a live line of this locality, a non-zero amount (negative is a
 * refund), a description under 2,000 characters; the payment's fiscal year follows from its date, whatever the
 * line's year. Pure: the caller passes the locality's live lines.
 */

export interface ExpenditureLine {
  id: number;
  program: string;
  fiscalYear: number;
  /** Last fiscal year of a multi-year authorization; null for one year. */
  lastFiscalYear: number | null;
  recipient: string | null;
}

export interface ExpenditureImportContext {
  fyStartMonth: number;
  /** Today (YYYY-MM-DD) for the date guardrail; the server's date when not given (lib/services/expenditures/guardrails.ts). */
  today?: string;
  /** The locality's live (not deleted) allocation lines. */
  lines: readonly ExpenditureLine[];
}

export interface ParsedExpenditure {
  row: number;
  importKey: string;
  paidOn: string;
  fiscalYear: number;
  allocationId: number;
  /** The line paid from, as people name it: "Naloxone kits (FY2025)". */
  allocationLabel: string;
  amountCents: bigint;
  /** Who was paid, as written; null when the report does not say. */
  recipient: string | null;
  description: string;
  /** Null when the report gives none: the payment then counts under its line's cost type. */
  costType: CostType | null;
  /** Why the payment goes beyond what remains of its line; null when the report gives none. */
  overspendReason: string | null;
}

export type ExpenditureRowsResult = KindRowsResult<ParsedExpenditure, ExpenditureField>;

const DESCRIPTION_MAX = 2000;

export function yearsLabel(line: Pick<ExpenditureLine, 'fiscalYear' | 'lastFiscalYear'>): string {
  return line.lastFiscalYear === null || line.lastFiscalYear === line.fiscalYear
    ? `FY${line.fiscalYear}`
    : `FY${line.fiscalYear}–FY${line.lastFiscalYear}`;
}

export function parseExpenditureRows(
  rows: readonly string[][],
  context: ExpenditureImportContext,
  userMapping?: Record<string, string | null>,
): ExpenditureRowsResult {
  const table = locateCompleteTable(rows, EXPENDITURE_FIELD_TABLE, 'expenditures', userMapping);
  if (!table.ok) return table;
  const lines = indexLines(context.lines);
  // Two identical payments in one report (same day, line, payee and amount) are two invoices (occurrenceKeys).
  const importKeyOf = occurrenceKeys();
  return readKindRows(table, EXPENDITURE_FIELD_TABLE, (cell, row): ParsedExpenditure | null => {
    const { text, fail, required } = cell;

    const paid = readMoneyDate(cell, 'paid_on', 'payment', context);

    let lineYear: number | null = null;
    if (text('fiscal_year') !== '') {
      const year = parseFiscalYear(text('fiscal_year'), context.fyStartMonth);
      if (!year.ok) fail('fiscal_year', year.reason);
      else lineYear = year.value;
    }

    const recipient = text('recipient') || null;
    const programText = required('program');
    let line: ExpenditureLine | null = null;
    if (programText !== null && (text('fiscal_year') === '' || lineYear !== null)) {
      const found = findLine(lines, programText, lineYear, recipient, table.columns.fiscal_year !== undefined);
      line = found.ok ? found.line : fail('program', found.reason);
    }

    const amountCents = readNonZeroAmount(cell, 'amount', 'the amount paid cannot be zero');

    const description = text('description');
    if (description.length > DESCRIPTION_MAX) {
      fail('description', `the description is ${description.length} characters; keep it under ${DESCRIPTION_MAX.toLocaleString('en-US')}`);
    }

    const overspendReason = text('overspend_reason') || null;
    if (overspendReason !== null && overspendReason.length > DESCRIPTION_MAX) {
      fail('overspend_reason', `the overspend reason is ${overspendReason.length} characters; keep it under ${DESCRIPTION_MAX.toLocaleString('en-US')}`);
    }

    const costTypeText = text('cost_type');
    const costType = costTypeText === '' ? null : (costTypeFromText(costTypeText) ?? fail('cost_type', unknownCostTypeReason(costTypeText)));

    if (cell.errors.length > 0 || paid === null || line === null || amountCents === null) return null;
    return {
      row,
      importKey: importKeyOf(expenditureKeyOf({ paidOn: paid.on, allocationId: line.id, amountCents, recipient })),
      paidOn: paid.on,
      fiscalYear: paid.fiscalYear,
      allocationId: line.id,
      allocationLabel: `${line.program} (${yearsLabel(line)})`,
      amountCents,
      recipient,
      description,
      costType,
      overspendReason,
    };
  });
}

/** The locality's live lines by program name (as normalizeIdentity compares names), and each name once. */
export interface LineIndex {
  byProgram: ReadonlyMap<string, ExpenditureLine[]>;
  programNames: readonly string[];
}

export function indexLines(lines: readonly ExpenditureLine[]): LineIndex {
  const byProgram = new Map<string, ExpenditureLine[]>();
  for (const line of lines) {
    const key = normalizeIdentity(line.program);
    byProgram.set(key, [...(byProgram.get(key) ?? []), line]);
  }
  const programNames = [...new Map(lines.map((line) => [normalizeIdentity(line.program), line.program])).values()];
  return { byProgram, programNames };
}

/** The live allocation line a report names by program (and fiscal year, recipient): the outcome import's too. */
export function findLine(
  { byProgram, programNames }: LineIndex,
  program: string,
  year: number | null,
  recipient: string | null,
  hasYearColumn: boolean,
): { ok: true; line: ExpenditureLine } | { ok: false; reason: string } {
  const named = byProgram.get(normalizeIdentity(program)) ?? [];
  if (named.length === 0) {
    const wanted = normalizeIdentity(program);
    const closest = [...programNames]
      .map((name) => ({ name, score: nameDistance(wanted, normalizeIdentity(name)) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 3)
      .map((entry) => entry.name);
    return {
      ok: false,
      reason:
        `no allocation line of this locality is named "${program}"` +
        (closest.length > 0 ? `; the closest are ${quotedList(closest)}` : '; record the allocation line first'),
    };
  }
  const inYear =
    year === null ? named : named.filter((line) => line.fiscalYear <= year && year <= (line.lastFiscalYear ?? line.fiscalYear));
  if (inYear.length === 0) {
    const years = [...new Set(named.map(yearsLabel))].join(', ');
    return { ok: false, reason: `"${program}" has no allocation line in FY${year}; its lines are in ${years}` };
  }
  const years = [...new Set(inYear.map(yearsLabel))];
  if (years.length > 1) {
    return {
      ok: false,
      reason:
        `"${program}" names allocation lines of ${years.length} fiscal years (${years.join(', ')}); ` +
        (hasYearColumn ? 'write the fiscal year of the line paid from' : 'add a fiscal year column saying which line each payment is from'),
    };
  }
  if (inYear.length === 1) return { ok: true, line: inYear[0]! };
  // Several lines of one year share the name (grants to different organizations): the payee says which.
  const forRecipient =
    recipient === null ? [] : inYear.filter((line) => line.recipient !== null && normalizeIdentity(line.recipient) === normalizeIdentity(recipient));
  if (forRecipient.length === 1) return { ok: true, line: forRecipient[0]! };
  const recipients = inYear.map((line) => line.recipient ?? '(no recipient)').join(', ');
  return {
    ok: false,
    reason: `${inYear.length} allocation lines of ${years[0]} are named "${program}" (for ${recipients}); the recipient column must name one of them`,
  };
}

/**
 * What identifies a payment across re-imports: the day, the line, the amount and the payee. Not the description: a
 * description edited since the last import must not record the payment twice.
 */
export function expenditureKeyOf(input: { paidOn: string; allocationId: number; amountCents: bigint; recipient: string | null }): string {
  const parts = ['abate-expenditure-v1', input.paidOn, input.allocationId, input.amountCents.toString(), normalizeIdentity(input.recipient ?? '')];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
