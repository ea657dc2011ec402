'use client';

/**
 * Generic, accessible, sortable data table on TanStack Table v9 (`useTable`).
 *
 * Data contract (all values are strings so they cross the server→client
 * boundary losslessly):
 *   - money:   integer cents as a decimal string ("123456" = $1,234.56)
 *   - percent: basis points as a decimal string ("1250" = 12.5%)
 *   - number:  integer as a decimal string
 *   - text / link: plain text; a link's URL sits in another row key (`hrefKey`)
 *   - status:  plain text shown with an icon for its tone (`toneKey` names the row key holding
 *              'ok' | 'warn' | 'info'), so a flag never relies on colour alone
 *   - null:    "no value" — shown as an em dash, sorted last in both directions,
 *              left out of totals.
 * Amounts are only ever handled as BigInt here (never parseFloat/Number).
 *
 * Test hooks: `data-testid={testId}` on <table>; `data-column={col.id}` on every
 * th/td; `data-cents` (raw cents string) on money cells including totals;
 * `data-value` (raw string) on number and percent cells.
 */

import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortFn,
} from '@tanstack/react-table';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

export type ColumnKind = 'text' | 'money' | 'number' | 'percent' | 'link' | 'status';

export type StatusTone = 'ok' | 'warn' | 'info';

const STATUS_ICON: Record<StatusTone, string> = { ok: '✓', warn: '⚠', info: 'ℹ' };

function isStatusTone(value: unknown): value is StatusTone {
  return value === 'ok' || value === 'warn' || value === 'info';
}

export interface ColumnSpec {
  id: string;
  header: string;
  kind: ColumnKind;
  /** Default true. */
  sortable?: boolean;
  /** money/number columns: include in the totals row. */
  total?: boolean;
  /** For 'link': the row key holding the URL. */
  hrefKey?: string;
  /** For 'status': the row key holding the tone ('ok' | 'warn' | 'info'); default 'info'. */
  toneKey?: string;
  /** Words shown for a null value instead of an em dash, e.g. "Not enough data". */
  emptyText?: string;
}

/** money: cents as decimal string; percent: basis points as decimal string; number: integer string. */
export type Row = Record<string, string | null>;

export interface DataTableProps {
  caption: string;
  columns: ColumnSpec[];
  rows: Row[];
  /** When set, a <tfoot> totals row sums the `total: true` money/number columns with BigInt. */
  totalsLabel?: string;
  initialSort?: { id: string; desc: boolean };
  testId?: string;
  emptyMessage?: string;
}

type ColumnMeta = { spec: ColumnSpec };

// Module scope: stable feature registry (see TanStack Table v9 notes).
const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<ColumnMeta>(),
});

const helper = createColumnHelper<typeof features, Row>();

const integerFormat = new Intl.NumberFormat('en-US');

function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'money' || kind === 'number' || kind === 'percent';
}

function parseInteger(value: string, columnId: string): bigint {
  try {
    return BigInt(value);
  } catch {
    throw new Error(`DataTable: column "${columnId}" expects an integer string`);
  }
}

// Ascending comparators only; the table reverses them for descending order.
// Null/undefined values never reach them (sortUndefined: 'last'), but are
// handled defensively anyway.
const bigintSort: SortFn<typeof features, Row> = (rowA, rowB, columnId) => {
  const a = rowA.original[columnId];
  const b = rowB.original[columnId];
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  const x = parseInteger(a, columnId);
  const y = parseInteger(b, columnId);
  return x < y ? -1 : x > y ? 1 : 0;
};

const textCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const textSort: SortFn<typeof features, Row> = (rowA, rowB, columnId) => {
  const a = rowA.original[columnId];
  const b = rowB.original[columnId];
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  return textCollator.compare(a, b);
};

function EmptyValue() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No value</span>
    </>
  );
}

function formatValue(spec: ColumnSpec, value: string): string {
  switch (spec.kind) {
    case 'money':
      return formatCents(parseInteger(value, spec.id));
    case 'number':
      return integerFormat.format(parseInteger(value, spec.id));
    case 'percent':
      return formatPercentFromBasisPoints(parseInteger(value, spec.id));
    default:
      return value;
  }
}

function renderCellContent(spec: ColumnSpec, row: Row): ReactNode {
  const value = row[spec.id];
  if (value == null) return spec.emptyText ? <span className="cell-empty-text">{spec.emptyText}</span> : <EmptyValue />;
  if (spec.kind === 'link') {
    const href = spec.hrefKey ? row[spec.hrefKey] : undefined;
    return href ? <Link href={href}>{value}</Link> : value;
  }
  if (spec.kind === 'status') {
    const toneValue = spec.toneKey ? row[spec.toneKey] : undefined;
    const tone: StatusTone = isStatusTone(toneValue) ? toneValue : 'info';
    return (
      <span className={`status status--${tone}`}>
        <span className="status__icon" aria-hidden="true">
          {STATUS_ICON[tone]}
        </span>
        {value}
      </span>
    );
  }
  return formatValue(spec, value);
}

/** Attributes for a td/th of a given column holding `value`. */
function cellAttributes(spec: ColumnSpec, value: string | null | undefined) {
  const attrs: Record<string, string | undefined> = {
    'data-column': spec.id,
    className: `cell--${spec.kind}${value == null ? ' cell--empty' : ''}`,
  };
  if (value != null) {
    if (spec.kind === 'money') attrs['data-cents'] = value;
    else if (spec.kind === 'number' || spec.kind === 'percent') attrs['data-value'] = value;
  }
  return attrs;
}

function buildColumns(specs: ColumnSpec[]) {
  return helper.columns(
    specs.map((spec) =>
    helper.accessor((row: Row) => row[spec.id] ?? undefined, {
      id: spec.id,
      header: spec.header,
      enableSorting: spec.sortable !== false,
      // Money and counts: biggest first on the first click.
      sortDescFirst: isNumericKind(spec.kind),
      sortUndefined: 'last',
      sortFn: isNumericKind(spec.kind) ? bigintSort : textSort,
      cell: (ctx) => renderCellContent(spec, ctx.row.original),
      meta: { spec },
    }),
    ),
  );
}

function SortIcon({ state }: { state: false | 'asc' | 'desc' }) {
  return (
    <span className="sort-icon" aria-hidden="true">
      {state === 'asc' ? '▲' : state === 'desc' ? '▼' : '↕'}
    </span>
  );
}

export function DataTable({
  caption,
  columns: specs,
  rows,
  totalsLabel,
  initialSort,
  testId,
  emptyMessage = 'There is nothing to show here yet.',
}: DataTableProps) {
  // Columns are derived from props, so memoise them: a fresh array on every
  // render would invalidate the table's models.
  const columns = useMemo(() => buildColumns(specs), [specs]);

  const table = useTable({
    features,
    columns,
    data: rows,
    enableMultiSort: false,
    enableSortingRemoval: false,
    initialState: { sorting: initialSort ? [initialSort] : [] },
  });

  const totals = useMemo(() => {
    if (totalsLabel === undefined) return null;
    const sums = new Map<string, bigint>();
    for (const spec of specs) {
      if (!spec.total || (spec.kind !== 'money' && spec.kind !== 'number')) continue;
      let sum = 0n;
      for (const row of rows) {
        const v = row[spec.id];
        if (v != null) sum += parseInteger(v, spec.id);
      }
      sums.set(spec.id, sum);
    }
    return sums;
  }, [rows, specs, totalsLabel]);

  const sorting = table.state.sorting;
  const activeSort = sorting[0];
  const activeSpec = activeSort ? specs.find((s) => s.id === activeSort.id) : undefined;
  const modelRows = table.getRowModel().rows;
  const columnCount = Math.max(specs.length, 1);

  return (
    <div className="data-table-block">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="data-table" data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const spec = header.column.columnDef.meta?.spec;
                  if (!spec) return null;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={ariaSort}
                      data-column={spec.id}
                      className={isNumericKind(spec.kind) ? 'th--end' : undefined}
                    >
                      {canSort ? (
                        <button type="button" className="sort-button" onClick={() => header.column.toggleSorting()}>
                          <span>{spec.header}</span>
                          <SortIcon state={sorted} />
                          <span className="visually-hidden">
                            {sorted === 'asc'
                              ? ' (sorted ascending)'
                              : sorted === 'desc'
                                ? ' (sorted descending)'
                                : ' (sortable)'}
                          </span>
                        </button>
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
              <tr>
                <td colSpan={columnCount} className="table-empty">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              modelRows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => {
                    const spec = cell.column.columnDef.meta?.spec;
                    if (!spec) return null;
                    return (
                      <td key={cell.id} {...cellAttributes(spec, row.original[spec.id])}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
          {totals && modelRows.length > 0 ? (
            <tfoot>
              <tr>
                {specs.map((spec, i) => {
                  if (i === 0) {
                    return (
                      <th key={spec.id} scope="row" data-column={spec.id}>
                        {totalsLabel}
                      </th>
                    );
                  }
                  const sum = totals.get(spec.id);
                  if (sum === undefined) {
                    return <td key={spec.id} data-column={spec.id} className={`cell--${spec.kind}`} />;
                  }
                  const raw = sum.toString();
                  return (
                    <td key={spec.id} {...cellAttributes(spec, raw)}>
                      {spec.kind === 'money' ? formatCents(sum) : integerFormat.format(sum)}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {activeSpec && activeSort
          ? `${caption}: sorted by ${activeSpec.header}, ${activeSort.desc ? 'descending' : 'ascending'}.`
          : ''}
      </p>
    </div>
  );
}
