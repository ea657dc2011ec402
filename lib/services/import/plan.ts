import { runToEnd, type Steps } from '@/lib/import/cooperative';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import {
  FIELD_LABELS,
  type AllocationStatus,
  type ImportField,
  type ImportPreview,
  type ImportRowError,
  type Mapping,
  type ParsedImportRow,
  type RecipientType,
} from '@/lib/import';
import { formatCents, splitCentsByShares } from '@/lib/money';
import type { TitleFiscalYear } from '@/lib/import';
import type { CostType } from '../cost-type';
import type { ImportAuthority } from './actor';
import { EARLIEST_MONEY_DATE } from '../expenditures/guardrails';
import {
  lineChanges,
  newLineStatusRefusal,
  refusalOf,
  statusSteps,
  type ChangedField,
  type LineChange,
  type StatusStep,
  type StoredLine,
} from './changes';
import type { ExistingLine, LocalityLookups } from './lookups';
import type { CategoryOption, SourceOption } from './resolvers';
import { recipientTracker } from './plan-recipients';

/**
 * Parsed rows + what the database already holds → what an import will do: the lines it creates (with their
 * category amounts, recipient and spending date), the stored lines it changes (each field before → after), the
 * rows that are already up to date, and the problems that only the database can reveal.
 *
 * Which stored line a row is: the line holding the row's import key (same year, program, recipient, amount and
 * categories), else the one live line that came from an import with the same fiscal year, program and recipient
 * (compared case- and space-insensitively: the line key) that no other row of the file claims. Lines typed in the
 * app are never matched by line key (a row like one of them is created beside it, with a warning), and when two
 * rows or two stored lines could be the same line the rows are refused rather than guessed. Pure, so preview and commit decide exactly the same way: commit runs
 * it again inside its transaction, on what the database holds at that moment.
 */

export interface PlannedSplit {
  categoryId: number;
  label: string;
  frameworkKey: string;
  shareBasisPoints: number;
  amountCents: bigint;
}

export interface PlannedLine {
  row: number;
  importKey: string;
  fiscalYear: number;
  /** Last fiscal year of a multi-year authorization; null for one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
  recipient: {
    name: string;
    /** Existing recipient id, or null when the import creates it. */
    id: number | null;
    type: RecipientType;
  } | null;
  splits: PlannedSplit[];
  amountCents: bigint;
  /** One expenditure "Spending to date (imported)" of this amount on this date; null when the row has none. */
  spent: { amountCents: bigint; paidOn: string } | null;
  sourceId: number | null;
  sourceName: string | null;
  costType: CostType | null;
  status: AllocationStatus;
}

/** A stored line the import changes: one UPDATE, version bumped, over the version the preview saw. */
export interface PlannedUpdate {
  row: number;
  allocationId: number;
  /** The version this plan read; the write refuses the whole import if the line has another by then. */
  version: number;
  /** How the row was recognised as this line: its import key, or fiscal year + program + recipient. */
  matchedBy: 'import-key' | 'line-key';
  fiscalYear: number;
  program: string;
  recipient: string | null;
  changes: LineChange[];
  /** The line's values after the import (unchanged fields keep the stored value). */
  importKey: string;
  amountCents: bigint;
  lastFiscalYear: number | null;
  description: string;
  sourceId: number | null;
  costType: CostType | null;
  status: AllocationStatus;
  statusSteps: StatusStep[];
  /** The new category splits, when the amount or the categories change; null to keep the stored ones. */
  splits: PlannedSplit[] | null;
}

export type SkipKind = 'not-a-line' | 'already-imported';

export interface SkippedRow {
  row: number;
  kind: SkipKind;
  reason: string;
  /** For already-imported rows: the existing line. */
  allocationId?: number;
}

export interface ImportWarning {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface NewRecipient {
  name: string;
  type: RecipientType;
  /** The first row that names it. */
  row: number;
}

/** A category name as the file writes it and what it was matched to, for the preview. */
export interface PlannedCategoryMatch {
  /** '' for a blank cell. */
  written: string;
  frameworkKey: string;
  frameworkName: string;
  label: string;
  rows: number;
}

export interface ImportPlan {
  create: PlannedLine[];
  /** Stored lines the rows change, in file order. */
  update: PlannedUpdate[];
  /** Rows by what the import does with them: every line row is counted in exactly one. */
  counts: { new: number; changed: number; upToDate: number; refused: number };
  categoryMatches: PlannedCategoryMatch[];
  /** Notes that are not problems: where the fiscal year came from, amounts taken from the spent column. */
  notes: string[];
  errors: ImportRowError[];
  skipped: SkippedRow[];
  warnings: ImportWarning[];
  newRecipients: NewRecipient[];
  totals: { amountCents: bigint; spentCents: bigint };
}

export interface PlanInput {
  preview: ImportPreview;
  mapping: Mapping;
  authority: ImportAuthority;
  existing: LocalityLookups;
  /** The locality's live lines in the fiscal years the file names (typed in the app or imported). */
  storedLines: readonly StoredLine[];
  categories: ReadonlyMap<number, CategoryOption>;
  sources: ReadonlyMap<number, SourceOption>;
  fyStartMonth: number;
  /** YYYY-MM-DD; spending to date cannot be dated after it. */
  today: string;
  /** The fiscal year every row took from the file's title, when no column holds one. */
  titleFiscalYear?: TitleFiscalYear;
}

export { recipientTypeLabel } from './plan-recipients';

export function planImport(input: PlanInput): ImportPlan {
  return runToEnd(planImportSteps(input));
}

/** planImport, a row at a time (lib/import/cooperative.ts): the import verbs run it with runCooperatively. */
export function* planImportSteps(input: PlanInput): Steps<ImportPlan> {
  const { preview, authority, existing } = input;
  const headerOf = headerLookup(input.mapping);
  const errors: ImportRowError[] = [...preview.errors];
  const warnings: ImportWarning[] = [];
  const skipped: SkippedRow[] = preview.skipped.map((s) => ({ row: s.row, kind: 'not-a-line' as const, reason: s.reason }));
  const create: PlannedLine[] = [];

  const recipients = recipientTracker(existing.recipients, headerOf, warnings);
  const matcher = lineMatcher(input);
  const update: PlannedUpdate[] = [];
  let upToDate = 0;
  const mapped = new Set(Object.values(input.mapping));
  const categoryLabel = (id: number): string => input.categories.get(id)?.label ?? `category #${id}`;
  const sourceName = (id: number | null): string => (id === null ? 'none' : (input.sources.get(id)?.name ?? `source #${id}`));

  for (const row of preview.rows) {
    yield;
    const keyed = existing.lines.get(row.importKey);
    const match = matcher(row, keyed);
    if (match.kind === 'gone') {
      skipped.push({ row: row.row, kind: 'already-imported', reason: alreadyImportedReason(row, keyed!), allocationId: keyed!.id });
      continue;
    }
    const target = match.kind === 'line' ? match.line : null;

    const rowErrors: ImportRowError[] = [];
    const fail = (field: ImportField, value: string, reason: string): void => {
      rowErrors.push({ row: row.row, column: headerOf(field), value, reason });
    };
    if (match.kind === 'ambiguous') fail('program', row.program, match.reason);

    const status: AllocationStatus = row.status ?? target?.status ?? 'draft';
    if (!target) {
      const refused = newLineStatusRefusal(status, row.description, authority);
      if (refused !== null) fail('status', row.status ?? '', refused);
    }

    let spent: PlannedLine['spent'] = null;
    if (target) {
      const note = spentDifference(row, existing.lines.get(target.importKey ?? '')?.importedSpentCents ?? null);
      if (note !== null) {
        warnings.push({ row: row.row, column: headerOf('spent'), value: formatCents(row.spentCents ?? 0n), message: note });
      }
    } else spent = spentOfNewLine(row, input, fail);

    const recipient = recipients.of(row, fail);

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    if (target) {
      const incoming = {
        amountCents: row.amountCents,
        splits: row.splits,
        lastFiscalYear: row.lastFiscalYear,
        description: mapped.has('description') ? row.description : undefined,
        sourceId: mapped.has('source') ? row.sourceId : undefined,
        costType: mapped.has('cost_type') ? row.costType : undefined,
        status: row.status ?? undefined,
      };
      const changes = lineChanges(target, incoming, { category: categoryLabel, source: sourceName });
      const description = incoming.description ?? target.description;
      const refusal = refusalOf(target, changes, description, authority);
      if (refusal) {
        errors.push({ row: row.row, column: headerOf(FIELD_OF_CHANGE[refusal.field]), value: refusal.value, reason: refusal.reason });
        continue;
      }
      if (changes.length === 0) {
        // Also a row matched by line key whose line was edited in the app to exactly the file's values.
        upToDate += 1;
        skipped.push({ row: row.row, kind: 'already-imported', reason: `already up to date (line #${target.id})`, allocationId: target.id });
        continue;
      }
      const splitsChange = changes.some((change) => change.field === 'amount' || change.field === 'categories');
      update.push({
        row: row.row,
        allocationId: target.id,
        version: target.version,
        matchedBy: match.kind === 'line' && match.by === 'import-key' ? 'import-key' : 'line-key',
        fiscalYear: target.fiscalYear,
        program: target.program,
        recipient: target.recipient,
        changes,
        importKey: row.importKey,
        amountCents: row.amountCents,
        lastFiscalYear: row.lastFiscalYear,
        description,
        sourceId: incoming.sourceId === undefined ? target.sourceId : incoming.sourceId,
        costType: incoming.costType === undefined ? target.costType : incoming.costType,
        status,
        statusSteps: statusSteps(target.status, status) ?? [],
        splits: splitsChange ? plannedSplits(row, input.categories) : null,
      });
      continue;
    }

    const typed = matcher.typedLines(row.lineKey);
    if (typed.length > 0) {
      warnings.push({
        row: row.row,
        column: headerOf('program'),
        value: row.program,
        message:
          `${typed.map((id) => `line #${id}`).join(', ')} (entered in Abate, not imported) ${typed.length === 1 ? 'has' : 'have'} ` +
          'the same fiscal year, program and recipient; this row is created as a new line beside it ' +
          '(delete one if they are the same line)',
      });
    }

    create.push({
      row: row.row,
      importKey: row.importKey,
      fiscalYear: row.fiscalYear,
      lastFiscalYear: row.lastFiscalYear,
      program: row.program,
      description: row.description,
      recipient,
      splits: plannedSplits(row, input.categories),
      amountCents: row.amountCents,
      spent,
      sourceId: row.sourceId,
      sourceName: row.sourceId === null ? null : (input.sources.get(row.sourceId)?.name ?? null),
      costType: row.costType,
      status,
    });
  }

  const newRecipients = recipients.settle(create);

  errors.sort((a, b) => a.row - b.row);
  skipped.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  return {
    create,
    update,
    counts: {
      new: create.length,
      changed: update.length,
      upToDate,
      refused: new Set(errors.map((error) => error.row)).size,
    },
    categoryMatches: categoryMatchesOf(preview, input.categories),
    notes: notesOf(input, create),
    errors,
    skipped,
    warnings,
    newRecipients,
    totals: totalsOf(create),
  };
}

/**
 * A new line's "spent" becomes a payment dated the end of its fiscal year (or today, in the year still running); it is
 * refused when that year has not begun, when the date would be before any settlement money was paid out, or when it
 * is more than the line's amount (an overspend needs a public reason, which this kind of file cannot carry).
 */
function spentOfNewLine(
  row: ParsedImportRow,
  input: PlanInput,
  fail: (field: ImportField, value: string, reason: string) => void,
): PlannedLine['spent'] {
  if (row.spentCents === null || row.spentCents === 0n) return null;
  const spent = formatCents(row.spentCents);
  const { start, end } = fiscalYearBounds(row.fiscalYear, input.fyStartMonth);
  if (input.today < start) {
    fail('spent', spent, `FY${row.fiscalYear} begins on ${start}, so nothing can have been spent from it yet; leave spent empty`);
    return null;
  }
  const paidOn = end < input.today ? end : input.today;
  // The spending is recorded as a payment of that day: the payments' date guardrail holds for it too.
  if (paidOn < EARLIEST_MONEY_DATE) {
    fail(
      'spent',
      spent,
      `the spending would be dated ${paidOn}, before ${EARLIEST_MONEY_DATE}, when no opioid-settlement money had been paid out; leave spent empty`,
    );
    return null;
  }
  if (row.spentCents > row.amountCents) {
    // An overspend needs a public reason (lib/services/expenditures/guardrails.ts), which this kind of file cannot carry.
    fail(
      'spent',
      spent,
      `${spent} spent is more than the ${formatCents(row.amountCents)} allocated, by ` +
        `${formatCents(row.spentCents - row.amountCents)}; amend the amount, or record the payments with an overspend reason (expenditures import)`,
    );
    return null;
  }
  return { amountCents: row.spentCents, paidOn };
}

/** What the new lines add up to: allocated, and spent to date. */
function totalsOf(create: readonly PlannedLine[]): ImportPlan['totals'] {
  let amountCents = 0n;
  let spentCents = 0n;
  for (const line of create) {
    amountCents += line.amountCents;
    spentCents += line.spent?.amountCents ?? 0n;
  }
  return { amountCents, spentCents };
}

function categoryMatchesOf(
  preview: ImportPreview,
  categories: ReadonlyMap<number, CategoryOption>,
): PlannedCategoryMatch[] {
  return preview.categoryMatches.map((match) => {
    const category = categories.get(match.categoryId);
    return {
      written: match.written,
      frameworkKey: category?.frameworkKey ?? '',
      frameworkName: category?.frameworkName ?? '',
      label: category?.label ?? match.label,
      rows: match.rows,
    };
  });
}

function notesOf(input: PlanInput, create: readonly PlannedLine[]): string[] {
  const notes: string[] = [];
  const title = input.titleFiscalYear;
  if (title) notes.push(`No column holds the fiscal year; every line is FY${title.first}, as ${title.from} says.`);
  if (input.preview.rows.some((row) => row.amountFromSpent)) {
    notes.push(
      'The file has no budget column: each line\'s allocated amount is what was spent, and that spending is ' +
        'recorded against it.',
    );
  }
  if (!Object.values(input.mapping).includes('program') && create.length > 0) {
    notes.push('The file has no program column: each line is named by its category as written.');
  }
  const multiYear = create.filter((line) => line.lastFiscalYear !== null).length;
  if (multiYear > 0) {
    notes.push(
      `${multiYear} ${multiYear === 1 ? 'line covers' : 'lines cover'} several fiscal years; each is kept as one ` +
        'line from its first to its last year, counted once.',
    );
  }
  return notes;
}

/** A row whose line was imported and since deleted: importing it again does not bring it back. */
function alreadyImportedReason(row: ParsedImportRow, line: ExistingLine): string {
  if (line.deleted) return `already imported (line #${line.id}, since deleted: importing it again does not bring it back)`;
  const note = spentDifference(row, line.importedSpentCents);
  return `already imported (line #${line.id})${note === null ? '' : `; ${note}`}`;
}

/** Spending to date is recorded as expenditures, not changed by a re-import: a different figure is pointed out. */
function spentDifference(row: ParsedImportRow, importedSpentCents: bigint | null): string | null {
  const fileSpent = row.spentCents ?? 0n;
  const storedSpent = importedSpentCents ?? 0n;
  if (row.spentCents === null || fileSpent === storedSpent) return null;
  return (
    `the file says ${formatCents(fileSpent)} spent where the line has ${formatCents(storedSpent)} imported; ` +
    'a re-import does not change spending, record the difference as an expenditure on the line'
  );
}

const FIELD_OF_CHANGE: Record<ChangedField, ImportField> = {
  amount: 'amount',
  categories: 'category',
  description: 'description',
  'cost type': 'cost_type',
  source: 'source',
  years: 'fiscal_year',
  status: 'status',
};

function plannedSplits(row: ParsedImportRow, categories: ReadonlyMap<number, CategoryOption>): PlannedSplit[] {
  // Largest remainder, as the allocation form splits an amount: the parts add up to the amount exactly.
  const amounts = splitCentsByShares(row.amountCents, row.splits.map((split) => split.shareBasisPoints));
  return row.splits.map((split, index) => {
    const category = categories.get(split.categoryId);
    return {
      categoryId: split.categoryId,
      label: category?.label ?? String(split.categoryId),
      frameworkKey: category?.frameworkKey ?? '',
      shareBasisPoints: split.shareBasisPoints,
      amountCents: amounts[index] ?? 0n,
    };
  });
}

type LineMatch =
  | { kind: 'line'; line: StoredLine; by: 'import-key' | 'line-key' }
  | { kind: 'new' }
  | { kind: 'gone' }
  | { kind: 'ambiguous'; reason: string };

/**
 * Which stored line each row is (see the top of this file). Built once for the whole file, because whether a row
 * may take a line by its line key depends on the other rows: a line another row holds by import key is taken, and
 * two rows that could both be one line are refused, not guessed.
 */
function lineMatcher(input: PlanInput) {
  const byId = new Map(input.storedLines.map((line) => [line.id, line]));
  const imported = new Map<string, StoredLine[]>();
  const typed = new Map<string, number[]>();
  for (const line of input.storedLines) {
    if (line.importKey === null) typed.set(line.lineKey, [...(typed.get(line.lineKey) ?? []), line.id]);
    else imported.set(line.lineKey, [...(imported.get(line.lineKey) ?? []), line]);
  }
  const claimed = new Set<number>();
  const unmatchedRows = new Map<string, number[]>();
  for (const row of input.preview.rows) {
    const keyed = input.existing.lines.get(row.importKey);
    if (keyed) claimed.add(keyed.id);
    else unmatchedRows.set(row.lineKey, [...(unmatchedRows.get(row.lineKey) ?? []), row.row]);
  }

  const match = (row: ParsedImportRow, keyed: ExistingLine | undefined): LineMatch => {
    if (keyed) {
      const line = byId.get(keyed.id);
      // A deleted line keeps its key; a line moved to another fiscal year in the app is not loaded: both stay as they are.
      return keyed.deleted || !line ? { kind: 'gone' } : { kind: 'line', line, by: 'import-key' };
    }
    const candidates = (imported.get(row.lineKey) ?? []).filter((line) => !claimed.has(line.id));
    if (candidates.length === 0) return { kind: 'new' };
    const rows = unmatchedRows.get(row.lineKey) ?? [row.row];
    if (candidates.length === 1 && rows.length === 1) return { kind: 'line', line: candidates[0]!, by: 'line-key' };
    const lines = candidates.map((line) => `#${line.id}`).join(', ');
    return {
      kind: 'ambiguous',
      reason:
        `${rows.length === 1 ? `this row and lines ${lines}` : `rows ${rows.join(', ')} and ${candidates.length === 1 ? 'line' : 'lines'} ${lines}`} ` +
        'have the same fiscal year, program and recipient but different amounts or categories, so which row changes ' +
        'which line cannot be told; import the change of one line at a time, or give a new line a program name of its own',
    };
  };
  return Object.assign(match, { typedLines: (lineKey: string): number[] => typed.get(lineKey) ?? [] });
}

/** The file's header for a field, for messages; the field's own name when no column is mapped to it. */
function headerLookup(mapping: Mapping): (field: ImportField) => string {
  const headers = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) if (field !== null && !headers.has(field)) headers.set(field, header);
  return (field) => headers.get(field) ?? FIELD_LABELS[field];
}
