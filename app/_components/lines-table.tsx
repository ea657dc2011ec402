'use client';

/**
 * One page of a locality's approved lines: search, filter by category / recipient type / fiscal year, sort, and
 * move between pages.
 *
 * Every choice lives in the URL, and the server filters, sorts and pages from its searchParams, so a shared link
 * shows the same rows, with or without JavaScript: without it, the form below is a plain GET form and the pager is
 * plain links; with it, each change replaces the URL (router.replace) and the server sends the new rows. Only the
 * page's rows come to the browser (a year can have thousands of lines), so sorting is the server's work too.
 *
 * Test hooks: <table data-testid="lines-table">, <tr data-line-id>, cells with data-column, money cells and the
 * totals row with data-cents; the count sentence has data-testid="lines-count", the pager data-testid="lines-pager".
 *
 * Words: the LinesTable messages, numbers and money per locale, in the page's language (a client namespace of the
 * root layout's provider). The rows' words (categories, recipient types, flags) come in the reader's words already.
 */

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { localeFromIntl } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';
import { Flag } from './flag';
import { linesHref, type LinesFilterValues } from './lines-href';
import { PrevNextPager } from './prev-next-pager';
import { FilterActions, SelectField, type SelectOption } from './filter-fields';
import { ariaSortOf, CardTableBody, ScrollTable, SortIcon } from './table-parts';
import { formatInteger } from '@/lib/i18n/numbers';

export interface LinesTableRow {
  id: string;
  program: string;
  /** null: no plain-language description was given (shown as a flag). */
  description: string | null;
  recipientName: string | null;
  recipientTypeLabel: string | null;
  livedExperienceLed: boolean;
  /** Largest share first; each key's label is in `categoryLabels` (sent once, not once per line). */
  categories: { key: string; share: string }[];
  /** "FY2025–FY2029, counted in FY2025" for a multi-year authorization; null for a line of one year. */
  years: string | null;
  /** Integer cents as decimal strings. */
  allocated: string;
  spent: string;
}

export type Option = SelectOption;

export interface LinesTableProps {
  caption: string;
  /** This page's rows, already filtered, sorted and paged by the server. */
  rows: LinesTableRow[];
  /** Category key → label, for the categories of these rows. */
  categoryLabels: Record<string, string>;
  /** Approved lines in the year before filtering. */
  totalCount: number;
  /** Lines that match the filters, on every page; and the 1-based positions of this page's first and last. */
  matching: { count: number; first: number; last: number };
  page: { current: number; count: number };
  /** Sums over every matching line (not only this page), integer cents as strings. */
  totals: { allocated: string; spent: string };
  basePath: string;
  filters: LinesFilterValues;
  /** The framework that needs no `framework=` in the URL. */
  defaultFramework: string;
  options: { categories: Option[]; recipientTypes: Option[]; years: Option[] };
  noDescriptionText: string;
}

type ColumnId = 'program' | 'recipient' | 'description' | 'categories' | 'allocated' | 'spent';
/** The columns; each header is the LinesTable message `header`. */
const COLUMNS: { id: ColumnId; header: string; sortable: boolean; money?: boolean }[] = [
  { id: 'program', header: 'columnProgram', sortable: true },
  { id: 'recipient', header: 'columnRecipient', sortable: true },
  { id: 'description', header: 'columnDescription', sortable: false },
  { id: 'categories', header: 'columnCategories', sortable: false },
  { id: 'allocated', header: 'columnAllocated', sortable: true, money: true },
  { id: 'spent', header: 'columnSpent', sortable: true, money: true },
];

type Translate = (key: string, values?: Record<string, string | number>) => string;

function parseSort(value: string): { id: ColumnId; desc: boolean } | null {
  const [id, dir] = value.split('.');
  const column = COLUMNS.find((c) => c.id === id && c.sortable);
  return column ? { id: column.id, desc: dir === 'desc' } : null;
}

/** A click sorts by the column; money first largest, text A to Z; a second click turns the order round. */
function nextSort(current: ReturnType<typeof parseSort>, column: (typeof COLUMNS)[number]): string {
  const desc = current?.id === column.id ? !current.desc : column.money === true;
  return `${column.id}.${desc ? 'desc' : 'asc'}`;
}

/** "Showing 1–50 of 212 approved lines." and its variants, in the reader's words; `number` writes a count per locale. */
function countSentence(
  t: Translate,
  number: (n: number) => string,
  filtered: boolean,
  totalCount: number,
  matching: LinesTableProps['matching'],
  paged: boolean,
): string {
  const lines = t('lines', { count: totalCount });
  const range = `${number(matching.first)}–${number(matching.last)}`;
  if (!filtered) return paged ? t('countPage', { range, lines }) : `${lines}.`;
  if (!paged) return t('countFiltered', { matching: number(matching.count), lines });
  return t('countFilteredPage', { range, matching: number(matching.count), lines });
}

/** What every cell needs beside its row: the table's props, its words and money per locale. */
interface CellContext extends Pick<LinesTableProps, 'noDescriptionText' | 'basePath' | 'categoryLabels'> {
  t: Translate;
  money: (cents: string) => string;
}

function Cell({ row, id, context: { noDescriptionText, basePath, categoryLabels, t, money } }: { row: LinesTableRow; id: ColumnId; context: CellContext }) {
  switch (id) {
    case 'program':
      return (
        <>
          <Link href={`${basePath}/lines/${row.id}`}>{row.program}</Link>
          {row.years ? <span className="line-meta" data-testid="line-years">{row.years}</span> : null}
        </>
      );
    case 'recipient':
      if (!row.recipientName) return <Flag>{t('noRecipient')}</Flag>;
      return (
        <>
          <span className="line-recipient">{row.recipientName}</span>
          {row.recipientTypeLabel ? <span className="line-meta">{row.recipientTypeLabel}</span> : null}
          {row.livedExperienceLed ? <span className="line-meta line-meta--lived">{t('livedExperience')}</span> : null}
        </>
      );
    case 'description':
      return row.description ? row.description : <Flag testId="no-description-flag">{noDescriptionText}</Flag>;
    case 'categories':
      return (
        <ul className="line-categories">
          {row.categories.map((c) => (
            <li key={c.key} data-category={c.key}>
              {categoryLabels[c.key] ?? c.key} <span className="line-meta line-meta--inline">{c.share}</span>
            </li>
          ))}
        </ul>
      );
    case 'allocated':
      return money(row.allocated);
    case 'spent':
      return money(row.spent);
  }
}

/** The header row: each sortable column's button sorts by it (a second click turns the order round). */
function LinesHead({ t, sorting, onSort }: { t: Translate; sorting: ReturnType<typeof parseSort>; onSort: (column: (typeof COLUMNS)[number]) => void }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {COLUMNS.map((column) => {
          const sorted = sorting?.id === column.id ? (sorting.desc ? 'desc' : 'asc') : false;
          return (
            <th
              key={column.id}
              role="columnheader"
              scope="col"
              aria-sort={ariaSortOf(sorted)}
              data-column={column.id}
              className={[column.money ? 'th--end' : '', column.sortable ? '' : 'th--static'].join(' ').trim() || undefined}
            >
              {column.sortable ? (
                <button type="button" className="sort-button" onClick={() => onSort(column)}>
                  <span>{t(column.header)}</span>
                  <SortIcon state={sorted} />
                  <span className="visually-hidden">
                    {' '}
                    {t(sorted === 'asc' ? 'sortedAscending' : sorted === 'desc' ? 'sortedDescending' : 'sortable')}
                  </span>
                </button>
              ) : (
                t(column.header)
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** The totals row over every matching line, named by `words` ("Total", "Total of the 12 matching lines"). */
function LinesFoot({ t, money, totals, words }: { t: Translate; money: (cents: string) => string; totals: LinesTableProps['totals']; words: string }) {
  return (
    <tfoot role="rowgroup">
      <tr role="row">
        <th role="rowheader" scope="row" colSpan={4} data-column="program">
          {words}
        </th>
        <td role="cell" className="cell--money" data-column="allocated" data-label={t('columnAllocated')} data-cents={totals.allocated}>
          {money(totals.allocated)}
        </td>
        <td role="cell" className="cell--money" data-column="spent" data-label={t('columnSpent')} data-cents={totals.spent}>
          {money(totals.spent)}
        </td>
      </tr>
    </tfoot>
  );
}

/** The two filters that may be left unset, with their "all" choice; each change navigates at once. */
const OPTIONAL_FILTERS = [
  { id: 'lines-category', name: 'category', key: 'category', label: 'category', allLabel: 'allCategories', options: 'categories' },
  { id: 'lines-recipient-type', name: 'recipient_type', key: 'recipientType', label: 'recipientType', allLabel: 'allRecipientTypes', options: 'recipientTypes' },
] as const;

/** The search and the filters: a plain GET form without JavaScript; with it, each change navigates at once. */
function LinesFilterForm({
  t,
  table: { basePath, filters, defaultFramework, options },
  search: { q, navigate, onSearchChange, onSubmit },
  clearHref,
}: {
  t: Translate;
  table: Pick<LinesTableProps, 'basePath' | 'filters' | 'defaultFramework' | 'options'>;
  search: Pick<ReturnType<typeof useLinesNavigation>, 'q' | 'navigate' | 'onSearchChange' | 'onSubmit'>;
  /** Where "clear filters" leads, or null when nothing is filtered. */
  clearHref: string | null;
}) {
  return (
    <form className="lines-filter no-print" method="get" action={basePath} role="search" aria-label={t('filterLabel')} onSubmit={onSubmit}>
      {filters.framework !== defaultFramework ? <input type="hidden" name="framework" value={filters.framework} /> : null}
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      <div className="field field--grow">
        <label htmlFor="lines-q">{t('search')}</label>
        <input id="lines-q" type="search" name="q" value={q} maxLength={100} autoComplete="off" onChange={(e) => onSearchChange(e.target.value)} />
      </div>
      {OPTIONAL_FILTERS.map((filter) => (
        <SelectField
          key={filter.id}
          id={filter.id}
          name={filter.name}
          label={t(filter.label)}
          allLabel={t(filter.allLabel)}
          options={options[filter.options]}
          value={filters[filter.key]}
          onChange={(e) => navigate({ [filter.key]: e.target.value })}
        />
      ))}
      <SelectField id="lines-fy" name="fy" label={t('fiscalYear')} options={options.years} value={filters.fy} onChange={(e) => navigate({ fy: e.target.value })} />
      <FilterActions submitLabel={t('show')} clearHref={clearHref} clearLabel={t('clear')} scroll={false} />
    </form>
  );
}

/**
 * The filters' navigation: each change replaces the URL (the server sends the new rows) and starts again at the first
 * page; the search waits for a pause in typing. `pending` while the new rows are on their way.
 */
function useLinesNavigation(basePath: string, filters: LinesFilterValues, defaultFramework: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  // The search box follows the URL when it changes from outside (a "clear filters" link, back/forward), but not
  // while the reader is typing into it. (React's "adjust state when a prop changes" pattern.)
  const [q, setQ] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    setQ(filters.q);
  }

  const navigate = (values: Partial<LinesFilterValues>) => {
    const href = linesHref(basePath, { ...filters, q, page: '', ...values }, defaultFramework);
    startTransition(() => router.replace(href, { scroll: false }));
  };

  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (searchTimer.current) clearTimeout(searchTimer.current);
    },
    [],
  );
  const onSearchChange = (value: string) => {
    setQ(value);
    if (searchTimer.current) clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => navigate({ q: value }), 400);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (searchTimer.current) clearTimeout(searchTimer.current);
    const data = new FormData(event.currentTarget);
    navigate({
      q: String(data.get('q') ?? ''),
      category: String(data.get('category') ?? ''),
      recipientType: String(data.get('recipient_type') ?? ''),
      fy: String(data.get('fy') ?? filters.fy),
    });
  };
  return { pending, q, navigate, onSearchChange, onSubmit };
}

export function LinesTable({
  caption,
  rows,
  categoryLabels,
  totalCount,
  matching,
  page,
  totals,
  basePath,
  filters,
  defaultFramework,
  options,
  noDescriptionText,
}: LinesTableProps) {
  const t = useTranslations('LinesTable');
  const locale = localeFromIntl(useLocale());
  const number = (n: number) => formatInteger(n, locale);
  const money = (cents: string) => formatCents(BigInt(cents), { locale });
  const sorting = parseSort(filters.sort);
  const search = useLinesNavigation(basePath, filters, defaultFramework);
  const { pending, navigate } = search;
  const cellContext: CellContext = { noDescriptionText, basePath, categoryLabels, t, money };

  const filtered = filters.category !== '' || filters.recipientType !== '' || filters.q.trim() !== '';
  const paged = page.count > 1;
  const clearHref = linesHref(basePath, { ...filters, category: '', recipientType: '', q: '', sort: '', page: '' }, defaultFramework);
  const pageHref = (n: number) => linesHref(basePath, { ...filters, page: String(n) }, defaultFramework);
  const activeColumn = sorting ? COLUMNS.find((c) => c.id === sorting.id) : undefined;
  const activeHeader = activeColumn ? t(activeColumn.header) : undefined;
  const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

  return (
    <div className="lines-block">
      <LinesFilterForm t={t} table={{ basePath, filters, defaultFramework, options }} search={search} clearHref={filtered ? clearHref : null} />

      <p className="lines-count" role="status" data-testid="lines-count" aria-live="polite">
        {pending ? t('updating') : countSentence(t, number, filtered, totalCount, matching, paged)}
      </p>

      <ScrollTable
        caption={paged ? t('captionPage', { caption, current: number(page.current), count: number(page.count) }) : caption}
        label={caption}
        role="table"
        className="data-table lines-table"
        data-testid="lines-table"
        aria-busy={pending || undefined}
      >
        <LinesHead t={t} sorting={sorting} onSort={(column) => navigate({ sort: nextSort(sorting, column) })} />
        <CardTableBody rows={rows} colSpan={COLUMNS.length} empty={filtered ? t('noMatch') : t('noLines')}>
          {(row) => (
            <tr key={row.id} role="row" data-line-id={row.id}>
              {COLUMNS.map((column) => (
                <td
                  key={column.id}
                  role="cell"
                  data-column={column.id}
                  data-label={t(column.header)}
                  className={column.money ? 'cell--money' : `cell--${column.id}`}
                  data-cents={column.money ? (column.id === 'allocated' ? row.allocated : row.spent) : undefined}
                >
                  <Cell row={row} id={column.id} context={cellContext} />
                </td>
              ))}
            </tr>
          )}
        </CardTableBody>
        {rows.length > 0 ? (
          <LinesFoot t={t} money={money} totals={totals} words={filtered ? t('totalMatching', { count: matching.count }) : paged ? t('totalAll', { count: number(totalCount) }) : t('total')} />
        ) : null}
      </ScrollTable>

      {paged ? (
        <PrevNextPager
          label={t('pagesLabel')}
          testId="lines-pager"
          position={t('page', { current: number(page.current), count: number(page.count) })}
          previous={{ href: page.current > 1 ? pageHref(page.current - 1) : null, link: t.rich('previousLink', { hidden }), text: t('previous') }}
          next={{ href: page.current < page.count ? pageHref(page.current + 1) : null, link: t.rich('nextLink', { hidden }), text: t('next') }}
        />
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {sorting && activeHeader ? t('sortedBy', { column: activeHeader, direction: sorting.desc ? 'desc' : 'asc' }) : ''}
      </p>
    </div>
  );
}
