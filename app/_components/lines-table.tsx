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

export interface Option {
  value: string;
  label: string;
}

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

interface CellProps {
  row: LinesTableRow;
  id: ColumnId;
  noDescriptionText: string;
  basePath: string;
  categoryLabels: Record<string, string>;
  t: Translate;
  money: (cents: string) => string;
}

function Cell({ row, id, noDescriptionText, basePath, categoryLabels, t, money }: CellProps) {
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
  const router = useRouter();
  const t = useTranslations('LinesTable');
  const locale = localeFromIntl(useLocale());
  const number = (n: number) => formatInteger(n, locale);
  const money = (cents: string) => formatCents(BigInt(cents), { locale });
  const [pending, startTransition] = useTransition();
  const sorting = parseSort(filters.sort);

  // The search box follows the URL when it changes from outside (a "clear filters" link, back/forward), but not
  // while the reader is typing into it. (React's "adjust state when a prop changes" pattern.)
  const [q, setQ] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    setQ(filters.q);
  }

  // Any change of filter or order starts again at the first page.
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

  const filtered = filters.category !== '' || filters.recipientType !== '' || filters.q.trim() !== '';
  const paged = page.count > 1;
  const clearHref = linesHref(basePath, { ...filters, category: '', recipientType: '', q: '', sort: '', page: '' }, defaultFramework);
  const pageHref = (n: number) => linesHref(basePath, { ...filters, page: String(n) }, defaultFramework);
  const activeColumn = sorting ? COLUMNS.find((c) => c.id === sorting.id) : undefined;
  const activeHeader = activeColumn ? t(activeColumn.header) : undefined;
  const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

  return (
    <div className="lines-block">
      <form
        className="lines-filter no-print"
        method="get"
        action={basePath}
        role="search"
        aria-label={t('filterLabel')}
        onSubmit={onSubmit}
      >
        {filters.framework !== defaultFramework ? <input type="hidden" name="framework" value={filters.framework} /> : null}
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        <div className="field field--grow">
          <label htmlFor="lines-q">{t('search')}</label>
          <input
            id="lines-q"
            type="search"
            name="q"
            value={q}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => onSearchChange(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="lines-category">{t('category')}</label>
          <select
            id="lines-category"
            name="category"
            value={filters.category}
            onChange={(e) => navigate({ category: e.target.value })}
          >
            <option value="">{t('allCategories')}</option>
            {options.categories.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lines-recipient-type">{t('recipientType')}</label>
          <select
            id="lines-recipient-type"
            name="recipient_type"
            value={filters.recipientType}
            onChange={(e) => navigate({ recipientType: e.target.value })}
          >
            <option value="">{t('allRecipientTypes')}</option>
            {options.recipientTypes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lines-fy">{t('fiscalYear')}</label>
          <select id="lines-fy" name="fy" value={filters.fy} onChange={(e) => navigate({ fy: e.target.value })}>
            {options.years.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="lines-filter__actions">
          <button type="submit" className="button button--secondary">
            {t('show')}
          </button>
          {filtered ? (
            <Link href={clearHref} scroll={false} className="lines-filter__clear">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <p className="lines-count" role="status" data-testid="lines-count" aria-live="polite">
        {pending ? t('updating') : countSentence(t, number, filtered, totalCount, matching, paged)}
      </p>

      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        {/* Explicit table roles: on phones the rows are laid out as cards (display: block), which would otherwise
            strip the table's semantics in some browsers. */}
        <table role="table" className="data-table lines-table" data-testid="lines-table" aria-busy={pending || undefined}>
          <caption>{paged ? t('captionPage', { caption, current: number(page.current), count: number(page.count) }) : caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => {
                const sorted = sorting?.id === column.id ? (sorting.desc ? 'desc' : 'asc') : false;
                const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
                return (
                  <th
                    key={column.id}
                    role="columnheader"
                    scope="col"
                    aria-sort={ariaSort}
                    data-column={column.id}
                    className={[column.money ? 'th--end' : '', column.sortable ? '' : 'th--static'].join(' ').trim() || undefined}
                  >
                    {column.sortable ? (
                      <button type="button" className="sort-button" onClick={() => navigate({ sort: nextSort(sorting, column) })}>
                        <span>{t(column.header)}</span>
                        <span className="sort-icon" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
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
          <tbody role="rowgroup">
            {rows.length === 0 ? (
              <tr role="row">
                <td role="cell" colSpan={COLUMNS.length} className="table-empty">
                  {filtered ? t('noMatch') : t('noLines')}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
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
                      <Cell
                        row={row}
                        id={column.id}
                        noDescriptionText={noDescriptionText}
                        basePath={basePath}
                        categoryLabels={categoryLabels}
                        t={t}
                        money={money}
                      />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {rows.length > 0 ? (
            <tfoot role="rowgroup">
              <tr role="row">
                <th role="rowheader" scope="row" colSpan={4} data-column="program">
                  {filtered ? t('totalMatching', { count: matching.count }) : paged ? t('totalAll', { count: number(totalCount) }) : t('total')}
                </th>
                <td role="cell" className="cell--money" data-column="allocated" data-label={t('columnAllocated')} data-cents={totals.allocated}>
                  {money(totals.allocated)}
                </td>
                <td role="cell" className="cell--money" data-column="spent" data-label={t('columnSpent')} data-cents={totals.spent}>
                  {money(totals.spent)}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>

      {paged ? (
        <nav className="pagination no-print" aria-label={t('pagesLabel')} data-testid="lines-pager">
          {page.current > 1 ? (
            <Link href={pageHref(page.current - 1)} rel="prev">
              {t.rich('previousLink', { hidden })}
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              {t('previous')}
            </span>
          )}
          <span aria-current="page">{t('page', { current: number(page.current), count: number(page.count) })}</span>
          {page.current < page.count ? (
            <Link href={pageHref(page.current + 1)} rel="next">
              {t.rich('nextLink', { hidden })}
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              {t('next')}
            </span>
          )}
        </nav>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {sorting && activeHeader ? t('sortedBy', { column: activeHeader, direction: sorting.desc ? 'desc' : 'asc' }) : ''}
      </p>
    </div>
  );
}
