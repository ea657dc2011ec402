import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

import { lineFlags, type LineFlag } from '@/lib/equity/line-flags';
import { lineFlagFactsSql, readLineFlagFacts } from '@/lib/equity/line-flags-sql';
import { coversFiscalYear } from './sql/allocation-years';
import { crosswalkTargetSql, reportedCategorySql } from './sql/crosswalk-target';
import { queryRows, toCents } from './rows';
import { UNCATEGORIZED_KEY, UNMAPPED_KEY } from './spending-by-category';
import { countedMoneySql } from '@/lib/data/sql/posted';
import { publicRecipient, RECIPIENT_COLUMNS, type PublicLineColumns, type PublicRecipient } from './line-refs';

/** One of a line's categories as reported in the chosen framework (several splits may land on the same one). */
export interface PublicLineCategory {
  key: string;
  label: string;
  group: string;
  /** Share of the line, basis points (10000 = 100%). */
  shareBasisPoints: number;
  /**
   * Set when the money stays in the category it was filed in, of another framework (named here), because it was
   * paid to a criminal-legal-system recipient and the crosswalk's match says "non-police" (crosswalkTargetSql).
   */
  keptFrom: string | null;
  /** "Other / not yet classified": never shown under a guessed health category. */
  unclassified: boolean;
  /** The line's allocated amount for this category (the splits' largest-remainder parts). */
  amountCents: bigint;
}

export interface PublicLine {
  id: number;
  /** The year the line's amount counts in: its only year, or the first of a multi-year authorization. */
  fiscalYear: number;
  /** The last year of a multi-year authorization; null for a line of one year. */
  lastFiscalYear: number | null;
  program: string;
  /** Plain-language description; '' when none was given (the page flags it). */
  description: string;
  recipient: PublicRecipient | null;
  sourceName: string | null;
  allocatedCents: bigint;
  /** Everything paid against the line so far, in any fiscal year. */
  spentToDateCents: bigint;
  /** Largest share first. */
  categories: PublicLineCategory[];
  /** Criminal-legal-system recipients of the line (its recipient, or recipients its payments name). */
  criminalLegalRecipients: string[];
  /** The line's flags (lib/equity/line-flags), high severity first. */
  flags: LineFlag[];
}

interface LineRow extends PublicLineColumns {
  spent: string;
  categories:
    | { key: string; label: string; group: string; keptFrom: string | null; unclassified: boolean; sortOrder: number; shareBp: number; amount: string }[]
    | string;
  flagFacts: unknown;
}

const TARGET = sql`(select id from target)`;

/**
 * The approved lines of one locality and fiscal year — the only lines the public sees — with their categories
 * re-reported in one framework through the crosswalk. A multi-year authorization is listed in every year it covers
 * (its `fiscalYear` says the year its amount counts in). Drafts, lines under review, returned and deleted lines are
 * never read.
 */
export async function listPublicLines(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  frameworkKey: string,
): Promise<PublicLine[]> {
  const reported = reportedCategorySql(sql`t`, TARGET);
  const rows = await queryRows<LineRow>(
    executor,
    sql`
      with target as (select id from frameworks where key = ${frameworkKey}),
      lines as (
        select a.id, a.fiscal_year, a.last_fiscal_year, a.program, a.description, a.amount_cents, a.recipient_id, a.source_id
        from allocations a
        where a.locality_id = ${localityId} and ${coversFiscalYear(sql`a`, fiscalYear)}
          and a.status = 'approved' and a.deleted_at is null
      ),
      spent as (
        select x.allocation_id, sum(x.amount_cents) as spent
        from expenditures x join lines l on l.id = x.allocation_id
        where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)}
        group by x.allocation_id
      ),
      parts as (
        select s.allocation_id, s.share_bp, s.amount_cents,
          ${crosswalkTargetSql({ categoryId: sql`s.category_id`, allocationId: sql`s.allocation_id`, targetFrameworkId: TARGET })} as target_id
        from allocation_splits s
        join lines l on l.id = s.allocation_id
      )
      select l.id, l.fiscal_year::int as "fiscalYear", l.last_fiscal_year::int as "lastFiscalYear", l.program, l.description,
        l.amount_cents::text as allocated, coalesce(sp.spent, 0)::text as spent,
        ${RECIPIENT_COLUMNS},
        fs.name as "sourceName",
        ${lineFlagFactsSql(sql`l.id`)} as "flagFacts",
        coalesce((
          select json_agg(json_build_object(
            'key', coalesce(${reported.key}, ${UNMAPPED_KEY}),
            'label', coalesce(t.label, 'Not covered by this framework'),
            'group', coalesce(${reported.group}, 'Other'),
            'keptFrom', ${reported.keptFrom},
            'unclassified', coalesce(t.unclassified, false),
            'sortOrder', case when t.framework_id = ${TARGET} then t.sort_order else 1000000 end,
            'shareBp', p.share_bp,
            'amount', p.amount_cents::text))
          from parts p left join categories t on t.id = p.target_id
          where p.allocation_id = l.id
        ), '[]'::json) as categories
      from lines l
      left join spent sp on sp.allocation_id = l.id
      left join recipients r on r.id = l.recipient_id
      left join funding_sources fs on fs.id = l.source_id
      order by l.program, l.id`,
  );
  return rows.map(toPublicLine);
}

function toPublicLine(row: LineRow): PublicLine {
  const allocatedCents = toCents(row.allocated);
  const facts = readLineFlagFacts(row.flagFacts, row.description.trim());
  const parts = typeof row.categories === 'string' ? (JSON.parse(row.categories) as LineRow['categories']) : row.categories;
  const merged = new Map<string, PublicLineCategory & { sortOrder: number }>();
  for (const part of Array.isArray(parts) ? parts : []) {
    const found = merged.get(part.key);
    if (found) {
      found.shareBasisPoints += part.shareBp;
      found.amountCents += toCents(part.amount);
    } else {
      merged.set(part.key, {
        key: part.key,
        label: part.label,
        group: part.group,
        keptFrom: part.keptFrom ?? null,
        unclassified: part.unclassified === true,
        sortOrder: part.sortOrder,
        shareBasisPoints: part.shareBp,
        amountCents: toCents(part.amount),
      });
    }
  }
  let categories: PublicLineCategory[] = [...merged.values()]
    .sort((a, b) => b.shareBasisPoints - a.shareBasisPoints || a.sortOrder - b.sortOrder)
    .map((c) => ({
      key: c.key,
      label: c.label,
      group: c.group,
      shareBasisPoints: c.shareBasisPoints,
      amountCents: c.amountCents,
      keptFrom: c.keptFrom,
      unclassified: c.unclassified,
    }));
  if (categories.length === 0) {
    categories = [
      {
        key: UNCATEGORIZED_KEY,
        label: 'Not yet categorized',
        group: 'Other',
        shareBasisPoints: 10_000,
        amountCents: allocatedCents,
        keptFrom: null,
        unclassified: false,
      },
    ];
  }
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    lastFiscalYear: row.lastFiscalYear,
    program: row.program,
    description: row.description.trim(),
    recipient: publicRecipient(row),
    sourceName: row.sourceName,
    allocatedCents,
    spentToDateCents: toCents(row.spent),
    categories,
    criminalLegalRecipients: facts.criminalLegalRecipients.slice(),
    flags: lineFlags(facts),
  };
}

/**
 * A line's category as the locality page names it: money kept in the category it was filed in (paid to a
 * criminal-legal-system recipient, crosswalkTargetSql) says so and names that framework; unclassified money says it
 * is not yet classified.
 */
export function reportedCategoryLabel(category: Pick<PublicLineCategory, 'label' | 'keptFrom' | 'unclassified'>): string {
  if (category.keptFrom) return `${category.label} (as filed in ${category.keptFrom}: paid to a criminal-legal-system recipient)`;
  if (category.unclassified && !/not yet classified/i.test(category.label)) return `${category.label} (not yet classified)`;
  return category.label;
}

/** The filters a reader can put in the URL of a locality page; every one narrows the list. */
export interface LineFilters {
  /** Words to look for in the program, description and recipient (all must appear). */
  q?: string;
  /** A category key of the page's framework. */
  category?: string;
  recipientType?: string;
}

/** Applies the URL's filters to the approved lines (cheap: the list is read once and cached). */
export function filterLines(lines: readonly PublicLine[], filters: LineFilters): PublicLine[] {
  const words = (filters.q ?? '')
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean);
  return lines.filter((line) => {
    if (filters.category && !line.categories.some((c) => c.key === filters.category)) return false;
    if (filters.recipientType && (line.recipient?.type ?? 'none') !== filters.recipientType) return false;
    if (words.length > 0) {
      const haystack = [line.program, line.description, line.recipient?.name ?? '', line.sourceName ?? '']
        .join('\n')
        .toLocaleLowerCase('en-US');
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** Columns a reader can sort the lines by (`sort=allocated.desc` in the URL). */
export const LINE_SORT_COLUMNS = ['program', 'recipient', 'allocated', 'spent'] as const;
export type LineSortColumn = (typeof LINE_SORT_COLUMNS)[number];
export interface LineSort {
  column: LineSortColumn;
  desc: boolean;
}

/** `program.asc` → a sort; anything else → null (the lines keep their program order). */
export function parseLineSort(value: string): LineSort | null {
  const [column, direction] = value.split('.');
  if (!(LINE_SORT_COLUMNS as readonly (string | undefined)[]).includes(column)) return null;
  return { column: column as LineSortColumn, desc: direction === 'desc' };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Sorts the lines on the server, so every page of the list follows one order. Ties keep the list's order (program,
 * then id), so paging never shows a line twice or skips one.
 */
export function sortLines(lines: readonly PublicLine[], sort: LineSort | null): PublicLine[] {
  if (!sort) return [...lines];
  const compare = (a: PublicLine, b: PublicLine): number => {
    switch (sort.column) {
      case 'program':
        return collator.compare(a.program, b.program);
      case 'recipient':
        return collator.compare(a.recipient?.name ?? '', b.recipient?.name ?? '');
      case 'allocated':
        return a.allocatedCents < b.allocatedCents ? -1 : a.allocatedCents > b.allocatedCents ? 1 : 0;
      case 'spent':
        return a.spentToDateCents < b.spentToDateCents ? -1 : a.spentToDateCents > b.spentToDateCents ? 1 : 0;
    }
  };
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => (sort.desc ? -compare(a.line, b.line) : compare(a.line, b.line)) || a.index - b.index)
    .map(({ line }) => line);
}

// Ten lines a page keeps the locality page short on a phone and its HTML light (issue 15: under 120 KiB); the
// filters, the sort and the CSV reach every line.
export const LINES_PAGE_SIZE = 10;

export interface LinesPage<T> {
  rows: T[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pageCount: number;
  /** 1-based position of the first and last row shown; 0 and 0 when there is none. */
  first: number;
  last: number;
  total: number;
}

/** One page of the (filtered, sorted) lines; `requested` is the URL's `page`, anything unusable means page 1. */
export function pageOfLines<T>(lines: readonly T[], requested: string, size = LINES_PAGE_SIZE): LinesPage<T> {
  const pageCount = Math.max(1, Math.ceil(lines.length / size));
  const asked = /^\d{1,6}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pageCount);
  const rows = lines.slice((page - 1) * size, page * size);
  const first = rows.length > 0 ? (page - 1) * size + 1 : 0;
  return { rows, page, pageCount, first, last: first === 0 ? 0 : first + rows.length - 1, total: lines.length };
}
