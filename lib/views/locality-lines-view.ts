import { isRecipientType, recipientTypeLabel } from '@/lib/categories/labels';
import { filterLines, pageOfLines, parseLineSort, sortLines, type PublicLine, type PublicLineCategory } from '@/lib/data/public-lines';
import { UNCATEGORIZED_KEY, UNMAPPED_KEY } from '@/lib/data/spending-by-category';
import { listInWords } from '@/lib/equity/line-flags';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatPercentFromBasisPoints } from '@/lib/money';
import { spendingCategoryName } from './locality-spending-view';

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

/**
 * A line's category as the reader sees it (lib/data/public-lines.ts reportedCategoryLabel, in the reader's words): a
 * criminal-legal recipient's money under the category it was filed in, and an unclassified one, say so.
 */
export function lineCategoryName(
  category: Pick<PublicLineCategory, 'key' | 'label' | 'keptFrom' | 'unclassified'>,
  frameworkKey: string,
  words: ViewWords,
): string {
  const name = spendingCategoryName(category, frameworkKey, words);
  if (category.keptFrom) return words.t('LocalityView.keptFrom', { category: name, from: category.keptFrom });
  if (category.unclassified && !/not yet classified/i.test(category.label)) return words.t('LocalityView.notYetClassified', { category: name });
  return name;
}

/** "FY2025–FY2029 authorization, counted in FY2025" beside a multi-year line (lib/fiscal-year multiYearNote), in the reader's words. */
function multiYearNote(line: Pick<PublicLine, 'fiscalYear' | 'lastFiscalYear'>, shownYear: number, words: ViewWords): string | null {
  if (line.lastFiscalYear === null || line.lastFiscalYear === line.fiscalYear) return null;
  const span = { first: String(line.fiscalYear), last: String(line.lastFiscalYear) };
  return shownYear === line.fiscalYear
    ? words.t('LocalityView.multiYearThisYear', span)
    : words.t('LocalityView.multiYearEarlier', { ...span, year: String(line.fiscalYear) });
}

/** The category filter's options in the framework's order, each with its count of lines; a chosen one is always offered. */
function categoryOptions(
  lines: readonly PublicLine[],
  frameworkCategories: readonly { key: string; label: string }[],
  chosen: string,
  frameworkKey: string,
  words: ViewWords,
): LineOption[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const line of lines) {
    for (const c of line.categories) counts.set(c.key, { label: lineCategoryName(c, frameworkKey, words), count: (counts.get(c.key)?.count ?? 0) + 1 });
  }
  const order = new Map(frameworkCategories.map((c, i) => [c.key, i]));
  const options = [...counts.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map(([value, { label, count }]) => ({ value, label: `${label} (${count})` }));
  if (chosen && !counts.has(chosen)) {
    const category = frameworkCategories.find((c) => c.key === chosen);
    options.push({ value: chosen, label: `${category ? spendingCategoryName(category, frameworkKey, words) : chosen} (0)` });
  }
  return options;
}

/** The recipient-type filter's options, alphabetical, each with its count of lines. */
function recipientTypeOptions(lines: readonly PublicLine[], chosen: string, words: ViewWords): LineOption[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const type = line.recipient?.type ?? NO_RECIPIENT;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
  const name = (value: string) =>
    value === NO_RECIPIENT ? words.t('LocalityView.noRecipient') : isRecipientType(value) ? recipientTypeLabel(value, words) : value;
  return [...counts.entries()]
    .map(([value, count]) => ({ value, label: `${name(value)} (${count})` }))
    .sort((a, b) => a.label.localeCompare(b.label, words.locale));
}

/** The sentences that flag the year's lines, in the reader's words: missing descriptions, criminal-legal recipients, unclassified lines. */
export function lineNotes(
  lines: readonly PublicLine[],
  words: ViewWords,
): { missingDescriptions: string | null; criminalLegal: string | null; unclassified: string | null } {
  const { t } = words;
  const missing = lines.filter((line) => !line.description).length;
  const criminalLegal = lines.filter((line) => line.criminalLegalRecipients.length > 0);
  const unclassified = lines.filter((line) => line.flags.some((flag) => flag.code === 'unclassified')).length;
  const recipients = listInWords([...new Set(criminalLegal.flatMap((line) => line.criminalLegalRecipients))], words);
  return {
    missingDescriptions: missing === 0 ? null : t('LocalityView.missingDescriptions', { count: missing }),
    criminalLegal: criminalLegal.length === 0 ? null : t('LocalityView.criminalLegal', { count: criminalLegal.length, recipients }),
    unclassified: unclassified === 0 ? null : t('LocalityView.unclassified', { count: unclassified }),
  };
}

/**
 * The locality page's table of every approved line: the URL's filters, sort and page applied in memory (the year's
 * lines are cached whole), one page of rows shaped for the client table, the filters' options and the totals of
 * everything that matches. A multi-year line that began in an earlier year is listed, but its amount counts in its
 * first year only. Abate's words (categories of the framework `frameworkKey`, recipient types, notes) are the reader's.
 */
export function localityLinesView(
  allLines: readonly PublicLine[],
  frameworkCategories: readonly { key: string; label: string }[],
  fiscalYear: number,
  query: LinesQuery,
  frameworkKey: string,
  words: ViewWords,
) {
  const filters = acceptedFilters(query, frameworkCategories);
  const matching = sortLines(filterLines(allLines, filters), filters.lineSort);
  const page = pageOfLines(matching, query.page);
  const categoryLabels: Record<string, string> = {};
  for (const line of page.rows) for (const c of line.categories) categoryLabels[c.key] = lineCategoryName(c, frameworkKey, words);
  return {
    filters: { category: filters.category, recipientType: filters.recipientType, q: filters.q, sort: filters.sort, page: String(page.page) },
    rows: page.rows.map((line) => ({
      id: String(line.id),
      program: line.program,
      description: line.description || null,
      recipientName: line.recipient?.name ?? null,
      recipientTypeLabel: line.recipient ? recipientTypeLabel(line.recipient.type, words) : null,
      livedExperienceLed: line.recipient?.livedExperienceLed ?? false,
      categories: line.categories.map((c) => ({ key: c.key, share: formatPercentFromBasisPoints(c.shareBasisPoints, words.locale) })),
      years: multiYearNote(line, fiscalYear, words),
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
    options: {
      categories: categoryOptions(allLines, frameworkCategories, filters.category, frameworkKey, words),
      recipientTypes: recipientTypeOptions(allLines, filters.recipientType, words),
    },
    notes: lineNotes(allLines, words),
  };
}
