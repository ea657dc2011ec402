'use client';

/**
 * The full list of a locality's approved lines: search, filter by category / recipient type / fiscal year, and sort.
 *
 * Every filter lives in the URL. The page filters on the server from its searchParams, so a shared link shows the
 * same rows, with or without JavaScript: without it, the form below is a plain GET form; with it, each change
 * replaces the URL (router.replace) and the server sends the filtered rows. Sorting happens here (TanStack Table v9)
 * and is written to the URL too (`sort=allocated.desc`), so a link keeps the order as well.
 *
 * Test hooks: <table data-testid="lines-table">, <tr data-line-id>, cells with data-column, money cells and the
 * totals row with data-cents; the count sentence has data-testid="lines-count".
 */

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from 'react';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortFn,
  type SortingState,
} from '@tanstack/react-table';
import { formatCents } from '@/lib/money';
import { Flag } from './flag';

export interface LinesTableRow {
  id: string;
  href: string;
  program: string;
  /** null: no plain-language description was given (shown as a flag). */
  description: string | null;
  recipientName: string | null;
  recipientTypeLabel: string | null;
  livedExperienceLed: boolean;
  categories: { key: string; label: string; share: string }[];
  /** Integer cents as decimal strings. */
  allocated: string;
  spent: string;
}

export interface LinesFilterValues {
  fy: string;
  framework: string;
  category: string;
  recipientType: string;
  q: string;
  /** "column.asc" | "column.desc" | "" */
  sort: string;
}

export interface Option {
  value: string;
  label: string;
}

export interface LinesTableProps {
  caption: string;
  rows: LinesTableRow[];
  /** Approved lines in the year before filtering. */
  totalCount: number;
  basePath: string;
  filters: LinesFilterValues;
  /** The framework that needs no `framework=` in the URL. */
  defaultFramework: string;
  options: { categories: Option[]; recipientTypes: Option[]; years: Option[] };
  noDescriptionText: string;
}

const SORTABLE = ['program', 'recipient', 'allocated', 'spent'] as const;
type SortableColumn = (typeof SORTABLE)[number];

export function parseSort(value: string): SortingState {
  const [id, dir] = value.split('.');
  if (!id || !(SORTABLE as readonly string[]).includes(id)) return [];
  return [{ id: id as SortableColumn, desc: dir === 'desc' }];
}

function sortParam(sorting: SortingState): string {
  const first = sorting[0];
  return first ? `${first.id}.${first.desc ? 'desc' : 'asc'}` : '';
}

export function linesHref(basePath: string, values: LinesFilterValues, defaultFramework: string): string {
  const params = new URLSearchParams();
  if (values.fy) params.set('fy', values.fy);
  if (values.framework && values.framework !== defaultFramework) params.set('framework', values.framework);
  if (values.category) params.set('category', values.category);
  if (values.recipientType) params.set('recipient_type', values.recipientType);
  const q = values.q.trim();
  if (q) params.set('q', q);
  if (values.sort) params.set('sort', values.sort);
  const query = params.toString();
  return `${basePath}${query ? `?${query}` : ''}#lines`;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, LinesTableRow>();
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const centsSort =
  (key: 'allocated' | 'spent'): SortFn<typeof features, LinesTableRow> =>
  (a, b) => {
    const x = BigInt(a.original[key]);
    const y = BigInt(b.original[key]);
    return x < y ? -1 : x > y ? 1 : 0;
  };

function buildColumns(noDescriptionText: string) {
  return helper.columns([
    helper.accessor((row) => row.program, {
      id: 'program',
      header: 'Program',
      sortFn: (a, b) => collator.compare(a.original.program, b.original.program),
      cell: (ctx) => <Link href={ctx.row.original.href}>{ctx.row.original.program}</Link>,
    }),
    helper.accessor((row) => row.recipientName ?? '', {
      id: 'recipient',
      header: 'Recipient',
      sortFn: (a, b) => collator.compare(a.original.recipientName ?? '', b.original.recipientName ?? ''),
      cell: (ctx) => {
        const row = ctx.row.original;
        if (!row.recipientName) return <Flag>No recipient recorded</Flag>;
        return (
          <>
            <span className="line-recipient">{row.recipientName}</span>
            {row.recipientTypeLabel ? <span className="line-meta">{row.recipientTypeLabel}</span> : null}
            {row.livedExperienceLed ? <span className="line-meta line-meta--lived">Led by people with lived experience</span> : null}
          </>
        );
      },
    }),
    helper.accessor((row) => row.description ?? '', {
      id: 'description',
      header: 'What it pays for',
      enableSorting: false,
      cell: (ctx) =>
        ctx.row.original.description ? (
          ctx.row.original.description
        ) : (
          <Flag testId="no-description-flag">{noDescriptionText}</Flag>
        ),
    }),
    helper.accessor((row) => row.categories.map((c) => c.label).join(', '), {
      id: 'categories',
      header: 'Categories',
      enableSorting: false,
      cell: (ctx) => (
        <ul className="line-categories">
          {ctx.row.original.categories.map((c) => (
            <li key={c.key} data-category={c.key}>
              {c.label} <span className="line-meta line-meta--inline">{c.share}</span>
            </li>
          ))}
        </ul>
      ),
    }),
    helper.accessor((row) => row.allocated, {
      id: 'allocated',
      header: 'Allocated',
      sortDescFirst: true,
      sortFn: centsSort('allocated'),
      cell: (ctx) => formatCents(BigInt(ctx.row.original.allocated)),
    }),
    helper.accessor((row) => row.spent, {
      id: 'spent',
      header: 'Spent to date',
      sortDescFirst: true,
      sortFn: centsSort('spent'),
      cell: (ctx) => formatCents(BigInt(ctx.row.original.spent)),
    }),
  ]);
}

const MONEY_COLUMNS = new Set(['allocated', 'spent']);

export function LinesTable({
  caption,
  rows,
  totalCount,
  basePath,
  filters,
  defaultFramework,
  options,
  noDescriptionText,
}: LinesTableProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const columns = useMemo(() => buildColumns(noDescriptionText), [noDescriptionText]);
  const [sorting, setSorting] = useState<SortingState>(() => parseSort(filters.sort));

  // The search box follows the URL when it changes from outside (a "clear filters" link, back/forward), but not
  // while the reader is typing into it. (React's "adjust state when a prop changes" pattern.)
  const [q, setQ] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    setQ(filters.q);
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      setSorting(next);
      // Sorting needs no new data: keep the URL in step without a round trip to the server.
      const href = linesHref(basePath, { ...filters, q, sort: sortParam(next) }, defaultFramework).replace(/#lines$/, '');
      window.history.replaceState(window.history.state, '', href);
    },
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  const navigate = (values: Partial<LinesFilterValues>) => {
    const href = linesHref(basePath, { ...filters, q, sort: sortParam(sorting), ...values }, defaultFramework);
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

  const modelRows = table.getRowModel().rows;
  const totals = useMemo(() => {
    let allocated = 0n;
    let spent = 0n;
    for (const row of rows) {
      allocated += BigInt(row.allocated);
      spent += BigInt(row.spent);
    }
    return { allocated, spent };
  }, [rows]);
  const filtered = filters.category !== '' || filters.recipientType !== '' || filters.q.trim() !== '';
  const clearHref = linesHref(basePath, { ...filters, category: '', recipientType: '', q: '', sort: '' }, defaultFramework);
  const activeSort = sorting[0];
  const activeHeader = activeSort ? columns.find((c) => c.id === activeSort.id)?.header : undefined;

  return (
    <div className="lines-block">
      <form
        className="lines-filter no-print"
        method="get"
        action={basePath}
        role="search"
        aria-label="Filter the lines"
        onSubmit={onSubmit}
      >
        {filters.framework !== defaultFramework ? <input type="hidden" name="framework" value={filters.framework} /> : null}
        {sortParam(sorting) ? <input type="hidden" name="sort" value={sortParam(sorting)} /> : null}
        <div className="field field--grow">
          <label htmlFor="lines-q">Search programs, descriptions and recipients</label>
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
          <label htmlFor="lines-category">Category</label>
          <select
            id="lines-category"
            name="category"
            value={filters.category}
            onChange={(e) => navigate({ category: e.target.value })}
          >
            <option value="">All categories</option>
            {options.categories.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lines-recipient-type">Recipient type</label>
          <select
            id="lines-recipient-type"
            name="recipient_type"
            value={filters.recipientType}
            onChange={(e) => navigate({ recipientType: e.target.value })}
          >
            <option value="">All recipient types</option>
            {options.recipientTypes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lines-fy">Fiscal year</label>
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
            Show lines
          </button>
          {filtered ? (
            <Link href={clearHref} scroll={false} className="lines-filter__clear">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      <p className="lines-count" role="status" data-testid="lines-count" aria-live="polite">
        {pending
          ? 'Updating the list…'
          : filtered
            ? `Showing ${rows.length} of ${totalCount} approved ${totalCount === 1 ? 'line' : 'lines'}.`
            : `${totalCount} approved ${totalCount === 1 ? 'line' : 'lines'}.`}
      </p>

      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        {/* Explicit table roles: on phones the rows are laid out as cards (display: block), which would otherwise
            strip the table's semantics in some browsers. */}
        <table role="table" className="data-table lines-table" data-testid="lines-table" aria-busy={pending || undefined}>
          <caption>{caption}</caption>
          <thead role="rowgroup">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
                  const label = String(header.column.columnDef.header ?? header.id);
                  const isMoney = MONEY_COLUMNS.has(header.id);
                  return (
                    <th
                      key={header.id}
                      role="columnheader"
                      scope="col"
                      aria-sort={ariaSort}
                      data-column={header.id}
                      className={[isMoney ? 'th--end' : '', header.column.getCanSort() ? '' : 'th--static'].join(' ').trim() || undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={() => header.column.toggleSorting()}>
                          <span>{label}</span>
                          <span className="sort-icon" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                          <span className="visually-hidden">
                            {sorted === 'asc' ? ' (sorted ascending)' : sorted === 'desc' ? ' (sorted descending)' : ' (sortable)'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody role="rowgroup">
            {modelRows.length === 0 ? (
              <tr role="row">
                <td role="cell" colSpan={columns.length} className="table-empty">
                  {filtered ? 'No approved line matches these filters.' : 'No approved lines for this year yet.'}
                </td>
              </tr>
            ) : (
              modelRows.map((row) => (
                <tr key={row.original.id} role="row" data-line-id={row.original.id}>
                  {row.getAllCells().map((cell) => {
                    const id = cell.column.id;
                    const isMoney = MONEY_COLUMNS.has(id);
                    return (
                      <td
                        key={cell.id}
                        role="cell"
                        data-column={id}
                        data-label={String(cell.column.columnDef.header ?? id)}
                        className={isMoney ? 'cell--money' : `cell--${id}`}
                        data-cents={isMoney ? (id === 'allocated' ? row.original.allocated : row.original.spent) : undefined}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
          {modelRows.length > 0 ? (
            <tfoot role="rowgroup">
              <tr role="row">
                <th role="rowheader" scope="row" colSpan={4} data-column="program">
                  {filtered ? 'Total of the lines shown' : 'Total'}
                </th>
                <td role="cell" className="cell--money" data-column="allocated" data-label="Allocated" data-cents={totals.allocated.toString()}>
                  {formatCents(totals.allocated)}
                </td>
                <td role="cell" className="cell--money" data-column="spent" data-label="Spent to date" data-cents={totals.spent.toString()}>
                  {formatCents(totals.spent)}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {activeSort && activeHeader ? `Lines sorted by ${String(activeHeader)}, ${activeSort.desc ? 'descending' : 'ascending'}.` : ''}
      </p>
    </div>
  );
}
