'use client';

/**
 * A staff list on TanStack Table v9 whose rows are paged, sorted, filtered and searched by the server.
 *
 * The URL is the state: sorting, the page, the page size, the search, the filters and the hidden columns are all
 * search parameters, so a link reproduces the view (and the CSV export reads the same parameters). The table runs
 * in manual mode — `manualSorting`, `manualPagination`, `manualFiltering` with the server's `rowCount` — and its
 * state changes become navigations; the server component above renders the new page. Sort headers and page links
 * are real links, and the search and filter form is a plain GET form, so the list also works before (or without)
 * JavaScript.
 *
 * Data contract, as in `data-table.tsx`: every value is a string; money is integer cents ("123456" = $1,234.56),
 * formatted with BigInt only. Test hooks: `data-testid={testId}` on <table>, `data-column` on every th/td,
 * `data-cents` on money cells including totals.
 *
 * Optional, for working in bulk: `selection` adds a checkbox column ("Select <program>", and one for the whole page)
 * and a bar above the table with the actions for the selected rows (TanStack's row selection; it lasts while the
 * page of rows is on screen). `renderDetails` adds under each row a `<details>` that opens the row's detail in place.
 * Both take functions, so they are set by a client component that wraps this one.
 */

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { Fragment, useMemo, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  globalFilteringFeature,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { formatCents } from '@/lib/money';
import { ariaSortOf, EmptyTableRow, ScrollTable, SortIcon } from './table-parts';
import { cellAttributes, integerFormat, isNumeric, TableFilters, TablePagination, TableToolbar, TotalsRow } from './server-table-parts';

export type ServerColumnKind = 'text' | 'money' | 'number' | 'link' | 'status';

export interface ServerColumnSpec {
  id: string;
  header: string;
  kind: ServerColumnKind;
  /** Default true; the server whitelists the same ids. */
  sortable?: boolean;
  /** Default true. */
  hideable?: boolean;
  hiddenByDefault?: boolean;
  /** For 'link': the row key holding the URL. */
  hrefKey?: string;
}

export interface FilterOption {
  value: string;
  label: string;
  /** Options with the same group are shown under one heading. */
  group?: string;
}

export interface FilterSpec {
  /** The search parameter, e.g. "fy". */
  param: string;
  label: string;
  allLabel: string;
  options: FilterOption[];
}

export type ServerRow = Record<string, string | null>;

export interface ServerDataTableProps {
  caption: string;
  columns: ServerColumnSpec[];
  rows: ServerRow[];
  /** Rows in the whole filtered set. */
  rowCount: number;
  /** The current search parameters (as the server read them). */
  params: Record<string, string>;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  sort: { id: string; desc: boolean };
  searchLabel: string;
  filters: FilterSpec[];
  /** Totals of the filtered set by column id (money: cents). */
  totals: Record<string, string>;
  totalsLabel: string;
  /** The CSV export of this view; none when absent. */
  exportHref?: string;
  testId?: string;
  emptyMessage?: string;
  /** Rows may be selected, for the actions of the bar above the table. */
  selection?: TableSelection;
  /** Each row's detail, opened in place under the row. */
  renderDetails?: (row: ServerRow) => ReactNode;
  /** The summary of a row's details, e.g. "Details and decision: <program>". */
  detailsSummary?: (row: ServerRow) => string;
}

export interface TableSelection {
  /** The row key that names a row, for the checkbox label "Select <name>". */
  labelKey: string;
  /** When set, only rows whose value under this key is "true" can be selected. */
  selectableKey?: string;
  /** The bar's actions on the selected rows (in the order of the page); `clear` empties the selection. */
  actions: (selected: ServerRow[], clear: () => void) => ReactNode;
}

type ColumnMeta = { spec: ServerColumnSpec };

// Module scope: a stable feature registry (TanStack Table v9). No client row models: the server does the work.
const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<ColumnMeta>(),
});

const helper = createColumnHelper<typeof features, ServerRow>();

const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  returned: 'Returned',
};

function renderValue(spec: ServerColumnSpec, row: ServerRow) {
  const value = row[spec.id];
  if (value === null || value === undefined || value === '') {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">No value</span>
      </>
    );
  }
  switch (spec.kind) {
    case 'money':
      return formatCents(BigInt(value));
    case 'number':
      return integerFormat.format(BigInt(value));
    case 'status':
      return <span className={`badge status-badge status-badge--${value}`}>{STATUS_LABELS[value] ?? value}</span>;
    case 'link': {
      const href = spec.hrefKey ? row[spec.hrefKey] : null;
      return href ? <Link href={href}>{value}</Link> : value;
    }
    default:
      return value;
  }
}

function buildColumns(specs: ServerColumnSpec[]) {
  return helper.columns(
    specs.map((spec) =>
      helper.accessor((row: ServerRow) => row[spec.id] ?? undefined, {
        id: spec.id,
        header: spec.header,
        enableSorting: spec.sortable !== false,
        enableHiding: spec.hideable !== false,
        sortDescFirst: isNumeric(spec.kind),
        cell: (ctx) => renderValue(spec, ctx.row.original),
        meta: { spec },
      }),
    ),
  );
}

/** The columns hidden in this view: from `hide=` when the URL has it, else the columns hidden by default. */
function visibilityFrom(params: Record<string, string>, specs: ServerColumnSpec[]): ColumnVisibilityState {
  const hidden = 'hide' in params ? (params.hide ?? '').split(',').filter(Boolean) : specs.filter((s) => s.hiddenByDefault).map((s) => s.id);
  return Object.fromEntries(specs.map((spec) => [spec.id, !hidden.includes(spec.id)]));
}

export function ServerDataTable({
  caption,
  columns: specs,
  rows,
  rowCount,
  params,
  page,
  pageSize,
  pageSizes,
  sort,
  searchLabel,
  filters,
  totals,
  totalsLabel,
  exportHref,
  testId,
  emptyMessage = 'Nothing matches this view.',
  selection,
  renderDetails,
  detailsSummary,
}: ServerDataTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigation] = useTransition();
  const columns = useMemo(() => buildColumns(specs), [specs]);

  const sorting: SortingState = useMemo(() => [{ id: sort.id, desc: sort.desc }], [sort.id, sort.desc]);
  const pagination: PaginationState = useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);
  const columnVisibility = useMemo(() => visibilityFrom(params, specs), [params, specs]);
  const globalFilter = params.q ?? '';
  // Selection belongs to the rows on screen: a new page (or a save that changed the rows) starts empty.
  const [selectionOf, setSelectionOf] = useState<{ rows: ServerRow[]; state: RowSelectionState }>({ rows, state: {} });
  const rowSelection = selectionOf.rows === rows ? selectionOf.state : {};
  const selectableKey = selection?.selectableKey;

  /** The URL of this list with some parameters changed (null removes one); any change but paging starts at page 1. */
  function hrefWith(changes: Record<string, string | null>): string {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  }

  function navigate(changes: Record<string, string | null>) {
    startNavigation(() => router.push(hrefWith(changes), { scroll: false }));
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id ?? '',
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination, columnVisibility, globalFilter, rowSelection },
    enableRowSelection: (row) => selection !== undefined && (selectableKey === undefined || row.original[selectableKey] === 'true'),
    enableMultiRowSelection: true,
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => setSelectionOf({ rows, state: functionalUpdate(updater, rowSelection) }),
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) navigate({ sort: next.id, dir: next.desc ? 'desc' : 'asc' });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: next.pageIndex === 0 ? null : String(next.pageIndex + 1), size: String(next.pageSize) });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      const hidden = specs.filter((spec) => next[spec.id] === false).map((spec) => spec.id);
      navigate({ hide: hidden.join(','), page: params.page ?? null }); // keep the page: hiding a column filters nothing
    },
    onGlobalFilterChange: (updater: Updater<string>) => {
      navigate({ q: String(functionalUpdate(updater, globalFilter) ?? '').trim() });
    },
  });

  function sortHref(columnId: string, currentlySorted: false | 'asc' | 'desc', firstDesc: boolean): string {
    const desc = currentlySorted ? currentlySorted === 'asc' : firstDesc;
    return hrefWith({ sort: columnId, dir: desc ? 'desc' : 'asc' });
  }

  function onFilterSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    table.setGlobalFilter(String(data.get('q') ?? ''));
  }

  const pageCount = Math.max(table.getPageCount(), 1);
  const visibleSpecs = table
    .getVisibleLeafColumns()
    .map((column) => column.columnDef.meta?.spec)
    .filter((spec): spec is ServerColumnSpec => spec !== undefined);
  const modelRows = table.getRowModel().rows;
  const firstRow = rowCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const lastRow = Math.min(page * pageSize, rowCount);
  const selectedRows = modelRows.filter((row) => row.getIsSelected()).map((row) => row.original);
  const selectableCount = modelRows.filter((row) => row.getCanSelect()).length;
  const extraColumns = selection ? 1 : 0;
  const idBase = testId ?? 'table';
  const hiddenParams = Object.entries(params).filter(([key]) => !['q', 'page', 'size', ...filters.map((f) => f.param)].includes(key));

  return (
    <div className="server-table" aria-busy={navigating || undefined}>
      <TableFilters
        action={pathname}
        caption={caption}
        idBase={idBase}
        searchLabel={searchLabel}
        search={globalFilter}
        hiddenParams={hiddenParams}
        filters={filters}
        params={params}
        pageSize={pageSize}
        pageSizes={pageSizes}
        onSubmit={onFilterSubmit}
        onFilter={(param, value) => navigate({ [param]: value })}
        onPageSize={(size) => table.setPageSize(size)}
      />

      <TableToolbar
        testId={testId}
        count={rowCount === 0 ? 'No rows' : `Rows ${integerFormat.format(firstRow)}–${integerFormat.format(lastRow)} of ${integerFormat.format(rowCount)}`}
        navigating={navigating}
        columns={table
          .getAllLeafColumns()
          .filter((column) => column.getCanHide())
          .map((column) => ({
            id: column.id,
            label: column.columnDef.meta?.spec.header ?? column.id,
            visible: column.getIsVisible(),
            toggle: column.getToggleVisibilityHandler(),
          }))}
        exportHref={exportHref}
      />

      {selection ? (
        <div className="bulk-bar" role="region" aria-label={`Selected rows of ${caption.toLowerCase()}`} data-testid={`${idBase}-bulk-bar`}>
          <p className="bulk-bar__count" aria-live="polite" data-testid={`${idBase}-selected-count`}>
            {selectedRows.length === 0
              ? selectableCount === 0
                ? 'No row on this page can be selected.'
                : 'Select rows to act on several at once.'
              : `${integerFormat.format(selectedRows.length)} selected`}
          </p>
          {selection.actions(selectedRows, () => setSelectionOf({ rows, state: {} }))}
        </div>
      ) : null}

      <ScrollTable caption={caption} className="data-table" data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selection ? (
                <th scope="col" className="cell--select" data-column="select">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page that can be selected"
                    disabled={selectableCount === 0}
                    checked={selectableCount > 0 && selectedRows.length === selectableCount}
                    ref={(input) => {
                      if (input) input.indeterminate = selectedRows.length > 0 && selectedRows.length < selectableCount;
                    }}
                    onChange={(event) => table.toggleAllPageRowsSelected(event.currentTarget.checked)}
                  />
                </th>
              ) : null}
              {group.headers.map((header) => {
                const spec = header.column.columnDef.meta?.spec;
                if (!spec) return null;
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSortOf(sorted)} data-column={spec.id} className={isNumeric(spec.kind) ? 'th--end' : undefined}>
                    {header.column.getCanSort() ? (
                      <Link
                        className="sort-button"
                        href={sortHref(spec.id, sorted, header.column.getFirstSortDir() === 'desc')}
                        scroll={false}
                        onClick={(event) => {
                          if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                          event.preventDefault();
                          header.column.toggleSorting();
                        }}
                      >
                        <span>{spec.header}</span>
                        <SortIcon state={sorted} />
                        <span className="visually-hidden">
                          {sorted === 'asc' ? ' (sorted ascending)' : sorted === 'desc' ? ' (sorted descending)' : ' (sortable)'}
                        </span>
                      </Link>
                    ) : (
                      spec.header
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {modelRows.length === 0 ? (
            <EmptyTableRow colSpan={Math.max(visibleSpecs.length + extraColumns, 1)}>{emptyMessage}</EmptyTableRow>
          ) : (
            modelRows.map((row) => {
              const name = selection ? (row.original[selection.labelKey] ?? row.id) : '';
              const details = renderDetails ? renderDetails(row.original) : null;
              return (
                <Fragment key={row.id}>
                  <tr data-row-id={row.id} className={row.getIsSelected() ? 'row--selected' : undefined}>
                    {selection ? (
                      <td className="cell--select" data-column="select">
                        {row.getCanSelect() ? (
                          <input
                            type="checkbox"
                            aria-label={`Select ${name}`}
                            checked={row.getIsSelected()}
                            onChange={(event) => row.toggleSelected(event.currentTarget.checked)}
                          />
                        ) : null}
                      </td>
                    ) : null}
                    {row.getVisibleCells().map((cell) => {
                      const spec = cell.column.columnDef.meta?.spec;
                      if (!spec) return null;
                      return (
                        <td key={cell.id} {...cellAttributes(spec, row.original[spec.id])}>
                          <table.FlexRender cell={cell} />
                        </td>
                      );
                    })}
                  </tr>
                  {details ? (
                    <tr className="row-details" data-details-for={row.id}>
                      <td colSpan={visibleSpecs.length + extraColumns}>
                        <details data-testid={testId ? `${testId}-details` : undefined}>
                          <summary>{detailsSummary ? detailsSummary(row.original) : 'Details'}</summary>
                          <div className="row-details__body">{details}</div>
                        </details>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })
          )}
        </tbody>
        {rowCount > 0 ? <TotalsRow specs={visibleSpecs} totals={totals} label={totalsLabel} selectColumn={selection !== undefined} /> : null}
      </ScrollTable>

      <TablePagination
        caption={caption}
        page={page}
        pageCount={pageCount}
        previousHref={table.getCanPreviousPage() ? hrefWith({ page: page - 1 <= 1 ? null : String(page - 1) }) : null}
        nextHref={table.getCanNextPage() ? hrefWith({ page: String(page + 1) }) : null}
      />
    </div>
  );
}
