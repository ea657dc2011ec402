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
import { recipientTypeFromName } from '@/lib/recipients/criminal-legal';
import type { ImportAuthority } from './import-actor';
import type { ExistingLine, LocalityLookups } from './import-lookups';
import type { CategoryOption, SourceOption } from './import-resolvers';

/**
 * Parsed rows + what the database already holds → what an import will do: the lines it creates (with their
 * category amounts, recipient and spending date), the rows it skips because they are already there, and the
 * problems that only the database can reveal. Pure, so preview and commit decide exactly the same way: commit runs
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
  status: AllocationStatus;
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
  /** Lines of the locality that are not deleted: line key (year + program + recipient) → line id. */
  lineKeys: ReadonlyMap<string, number>;
  categories: ReadonlyMap<number, CategoryOption>;
  sources: ReadonlyMap<number, SourceOption>;
  fyStartMonth: number;
  /** YYYY-MM-DD; spending to date cannot be dated after it. */
  today: string;
  /** The fiscal year every row took from the file's title, when no column holds one. */
  titleFiscalYear?: TitleFiscalYear;
}

const TYPE_LABELS: Record<RecipientType, string> = {
  government_department: 'government department',
  law_enforcement: 'law enforcement',
  courts_corrections: 'courts/corrections',
  health_care_provider: 'health-care provider',
  community_based_organization: 'community-based organization',
  faith_based_organization: 'faith-based organization',
  school_or_university: 'school or university',
  private_vendor: 'private vendor',
  other: 'other',
};

export function recipientTypeLabel(type: string): string {
  return TYPE_LABELS[type as RecipientType] ?? type;
}

export function planImport(input: PlanInput): ImportPlan {
  const { preview, authority, existing } = input;
  const headerOf = headerLookup(input.mapping);
  const errors: ImportRowError[] = [...preview.errors];
  const warnings: ImportWarning[] = [];
  const skipped: SkippedRow[] = preview.skipped.map((s) => ({ row: s.row, kind: 'not-a-line' as const, reason: s.reason }));
  const create: PlannedLine[] = [];

  // New recipients, by the name as the database compares them (lower case); the first row that gives a type wins.
  const pending = new Map<string, NewRecipient & { typed: boolean; fromName: boolean }>();
  const warnedExisting = new Set<string>();

  for (const row of preview.rows) {
    const line = existing.lines.get(row.importKey);
    if (line) {
      skipped.push({ row: row.row, kind: 'already-imported', reason: alreadyImportedReason(row, line), allocationId: line.id });
      continue;
    }

    const rowErrors: ImportRowError[] = [];
    const fail = (field: ImportField, value: string, reason: string): void => {
      rowErrors.push({ row: row.row, column: headerOf(field), value, reason });
    };

    const status: AllocationStatus = row.status ?? 'draft';
    if ((status === 'approved' || status === 'returned') && !authority.mayDecide) {
      fail(
        'status',
        row.status ?? '',
        `only the oversight board can mark a line ${status}; import it as draft or submitted and submit it for review`,
      );
    }

    let spent: PlannedLine['spent'] = null;
    if (row.spentCents !== null && row.spentCents !== 0n) {
      const { start, end } = fiscalYearBounds(row.fiscalYear, input.fyStartMonth);
      if (input.today < start) {
        fail(
          'spent',
          formatCents(row.spentCents),
          `FY${row.fiscalYear} begins on ${start}, so nothing can have been spent from it yet; leave spent empty`,
        );
      } else {
        spent = { amountCents: row.spentCents, paidOn: end < input.today ? end : input.today };
      }
    }

    let recipient: PlannedLine['recipient'] = null;
    if (row.recipient !== null) {
      const folded = row.recipient.toLowerCase();
      const known = existing.recipients.get(folded);
      if (known) {
        recipient = { name: known.name, id: known.id, type: known.type as RecipientType };
        if (row.recipientType !== null && row.recipientType !== known.type && !warnedExisting.has(folded)) {
          warnedExisting.add(folded);
          warnings.push({
            row: row.row,
            column: headerOf('recipient_type'),
            value: recipientTypeLabel(row.recipientType),
            message:
              `${known.name} is already recorded as ${recipientTypeLabel(known.type)}; ` +
              'the import does not change it (edit the recipient if it is wrong)',
          });
        }
      } else {
        const seen = pending.get(folded);
        if (!seen) {
          // No type given: the name may say it ("Springfield Police Department"), which is better than "other".
          const fromName = row.recipientType === null ? recipientTypeFromName(row.recipient) : null;
          pending.set(folded, {
            name: row.recipient,
            type: row.recipientType ?? fromName ?? 'other',
            typed: row.recipientType !== null,
            fromName: fromName !== null,
            row: row.row,
          });
        } else if (row.recipientType !== null) {
          if (!seen.typed) {
            seen.fromName = false;
            seen.type = row.recipientType;
            seen.typed = true;
          } else if (seen.type !== row.recipientType) {
            fail(
              'recipient_type',
              recipientTypeLabel(row.recipientType),
              `${seen.name} is a ${recipientTypeLabel(seen.type)} in row ${seen.row}; one recipient has one type`,
            );
          }
        }
        recipient = { name: pending.get(folded)!.name, id: null, type: 'other' };
      }
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    const otherLine = input.lineKeys.get(row.lineKey);
    if (otherLine !== undefined) {
      warnings.push({
        row: row.row,
        column: headerOf('program'),
        value: row.program,
        message:
          `line #${otherLine} has the same fiscal year, program and recipient but a different amount or categories; ` +
          'this row is created as a new line beside it (delete one if it is an edit, not a second line)',
      });
    }

    const amounts = splitCentsByShares(row.amountCents, row.splits.map((split) => split.shareBasisPoints));
    create.push({
      row: row.row,
      importKey: row.importKey,
      fiscalYear: row.fiscalYear,
      lastFiscalYear: row.lastFiscalYear,
      program: row.program,
      description: row.description,
      recipient,
      splits: row.splits.map((split, index) => {
        const category = input.categories.get(split.categoryId);
        return {
          categoryId: split.categoryId,
          label: category?.label ?? String(split.categoryId),
          frameworkKey: category?.frameworkKey ?? '',
          shareBasisPoints: split.shareBasisPoints,
          amountCents: amounts[index] ?? 0n,
        };
      }),
      amountCents: row.amountCents,
      spent,
      sourceId: row.sourceId,
      sourceName: row.sourceId === null ? null : (input.sources.get(row.sourceId)?.name ?? null),
      status,
    });
  }

  // A new recipient's type is settled only after every row has been read.
  const newRecipients: NewRecipient[] = [];
  for (const recipient of pending.values()) {
    newRecipients.push({ name: recipient.name, type: recipient.type, row: recipient.row });
    if (!recipient.typed && recipient.fromName) {
      warnings.push({
        row: recipient.row,
        column: headerOf('recipient'),
        value: recipient.name,
        message: `recipient type set to ${recipientTypeLabel(recipient.type)} from the name '${recipient.name}'`,
      });
    } else if (!recipient.typed) {
      warnings.push({
        row: recipient.row,
        column: headerOf('recipient'),
        value: recipient.name,
        message:
          `${recipient.name} is a new recipient and no row says what kind of organization it is; ` +
          'it is recorded as "other" (add a recipient type column, or edit the recipient afterwards)',
      });
    }
  }
  for (const line of create) {
    if (line.recipient && line.recipient.id === null) {
      line.recipient.type = pending.get(line.recipient.name.toLowerCase())?.type ?? 'other';
    }
  }

  errors.sort((a, b) => a.row - b.row);
  skipped.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  let amountCents = 0n;
  let spentCents = 0n;
  for (const line of create) {
    amountCents += line.amountCents;
    spentCents += line.spent?.amountCents ?? 0n;
  }
  return {
    create,
    categoryMatches: categoryMatchesOf(preview, input.categories),
    notes: notesOf(input, create),
    errors,
    skipped,
    warnings,
    newRecipients,
    totals: { amountCents, spentCents },
  };
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

function alreadyImportedReason(row: ParsedImportRow, line: ExistingLine): string {
  let reason = line.deleted
    ? `already imported (line #${line.id}, since deleted: importing it again does not bring it back)`
    : `already imported (line #${line.id})`;
  const fileSpent = row.spentCents ?? 0n;
  const storedSpent = line.importedSpentCents ?? 0n;
  if (!line.deleted && fileSpent !== storedSpent) {
    reason +=
      `; the file says ${formatCents(fileSpent)} spent where the line has ${formatCents(storedSpent)} imported, ` +
      'record the difference as an expenditure on the line';
  }
  return reason;
}

/** The file's header for a field, for messages; the field's own name when no column is mapped to it. */
function headerLookup(mapping: Mapping): (field: ImportField) => string {
  const headers = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) if (field !== null && !headers.has(field)) headers.set(field, header);
  return (field) => headers.get(field) ?? FIELD_LABELS[field];
}
