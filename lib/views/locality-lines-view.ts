import { isRecipientType, RECIPIENT_TYPE_LABEL, recipientTypeLabel } from '@/lib/categories/labels';
import {
  filterLines,
  pageOfLines,
  parseLineSort,
  reportedCategoryLabel,
  sortLines,
  type PublicLine,
} from '@/lib/data/public-lines';
import { UNCATEGORIZED_KEY, UNMAPPED_KEY } from '@/lib/data/spending-by-category';
import { listInWords } from '@/lib/equity/line-flags';
import { multiYearNote } from '@/lib/fiscal-year';
import { formatPercentFromBasisPoints } from '@/lib/money';

/** What the URL asked for; anything unknown is ignored, so a stale link still shows a sensible view. */
export interface LinesQuery {
  category: string;
  recipientType: string;
  q: string;
  sort: string;
  page: string;
}

export interface LineOption {
  value: string;
  label: string;
}

const NO_RECIPIENT = 'none';

/** The filters the page applies: the URL's values where they name something that exists, else none. */
function acceptedFilters(query: LinesQuery, frameworkCategories: readonly { key: string }[]) {
  const known = new Set([...frameworkCategories.map((c) => c.key), UNMAPPED_KEY, UNCATEGORIZED_KEY]);
  const lineSort = parseLineSort(query.sort);
  return {
    category: known.has(query.category) ? query.category : '',
    recipientType: isRecipientType(query.recipientType) || query.recipientType === NO_RECIPIENT ? query.recipientType : '',
    q: query.q,
    lineSort,
    sort: lineSort ? `${lineSort.column}.${lineSort.desc ? 'desc' : 'asc'}` : '',
  };
}

/** The category filter's options in the framework's order, each with its count of lines; a chosen one is always offered. */
function categoryOptions(lines: readonly PublicLine[], frameworkCategories: readonly { key: string; label: string }[], chosen: string): LineOption[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const line of lines) {
    for (const c of line.categories) counts.set(c.key, { label: reportedCategoryLabel(c), count: (counts.get(c.key)?.count ?? 0) + 1 });
  }
  const order = new Map(frameworkCategories.map((c, i) => [c.key, i]));
  const options = [...counts.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map(([value, { label, count }]) => ({ value, label: `${label} (${count})` }));
  if (chosen && !counts.has(chosen)) {
    options.push({ value: chosen, label: `${frameworkCategories.find((c) => c.key === chosen)?.label ?? chosen} (0)` });
  }
  return options;
}

/** The recipient-type filter's options, alphabetical, each with its count of lines. */
function recipientTypeOptions(lines: readonly PublicLine[], chosen: string): LineOption[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const type = line.recipient?.type ?? NO_RECIPIENT;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
  const name = (value: string) =>
    value === NO_RECIPIENT ? 'No recipient recorded' : isRecipientType(value) ? RECIPIENT_TYPE_LABEL[value] : value;
  return [...counts.entries()].map(([value, count]) => ({ value, label: `${name(value)} (${count})` })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The sentences that flag the year's lines: missing descriptions, criminal-legal recipients, unclassified lines. */
export function lineNotes(lines: readonly PublicLine[]): { missingDescriptions: string | null; criminalLegal: string | null; unclassified: string | null } {
  const missing = lines.filter((line) => !line.description).length;
  const criminalLegal = lines.filter((line) => line.criminalLegalRecipients.length > 0);
  const unclassified = lines.filter((line) => line.flags.some((flag) => flag.code === 'unclassified')).length;
  const recipients = listInWords([...new Set(criminalLegal.flatMap((line) => line.criminalLegalRecipients))]);
  return {
    missingDescriptions:
      missing === 0 ? null : missing === 1 ? '1 line has no plain-language description.' : `${missing} lines have no plain-language description.`,
    criminalLegal:
      criminalLegal.length === 0
        ? null
        : `${criminalLegal.length === 1 ? '1 line is' : `${criminalLegal.length} lines are`} paid to criminal-legal-system ` +
          `recipients (${recipients}), shown under the category they were filed in, never as non-police care.`,
    unclassified: unclassified === 0 ? null : unclassified === 1 ? '1 line is not yet classified.' : `${unclassified} lines are not yet classified.`,
  };
}

/**
 * The locality page's table of every approved line: the URL's filters, sort and page applied in memory (the year's
 * lines are cached whole), one page of rows shaped for the client table, the filters' options and the totals of
 * everything that matches. A multi-year line that began in an earlier year is listed, but its amount counts in its
 * first year only.
 */
export function localityLinesView(
  allLines: readonly PublicLine[],
  frameworkCategories: readonly { key: string; label: string }[],
  fiscalYear: number,
  query: LinesQuery,
) {
  const filters = acceptedFilters(query, frameworkCategories);
  const matching = sortLines(filterLines(allLines, filters), filters.lineSort);
  const page = pageOfLines(matching, query.page);
  const categoryLabels: Record<string, string> = {};
  for (const line of page.rows) for (const c of line.categories) categoryLabels[c.key] = reportedCategoryLabel(c);
  return {
    filters: { category: filters.category, recipientType: filters.recipientType, q: filters.q, sort: filters.sort, page: String(page.page) },
    rows: page.rows.map((line) => ({
      id: String(line.id),
      program: line.program,
      description: line.description || null,
      recipientName: line.recipient?.name ?? null,
      recipientTypeLabel: line.recipient ? recipientTypeLabel(line.recipient.type) : null,
      livedExperienceLed: line.recipient?.livedExperienceLed ?? false,
      categories: line.categories.map((c) => ({ key: c.key, share: formatPercentFromBasisPoints(c.shareBasisPoints) })),
      years: multiYearNote(line, fiscalYear),
      allocated: line.allocatedCents.toString(),
      spent: line.spentToDateCents.toString(),
    })),
    categoryLabels,
    matching: { count: page.total, first: page.first, last: page.last },
    page: { current: page.page, count: page.pageCount },
    totals: {
      allocated: matching.reduce((s, line) => (line.fiscalYear === fiscalYear ? s + line.allocatedCents : s), 0n).toString(),
      spent: matching.reduce((s, line) => s + line.spentToDateCents, 0n).toString(),
    },
    options: { categories: categoryOptions(allLines, frameworkCategories, filters.category), recipientTypes: recipientTypeOptions(allLines, filters.recipientType) },
    notes: lineNotes(allLines),
  };
}
