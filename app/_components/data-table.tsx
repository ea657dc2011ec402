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
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortFn,
} from '@tanstack/react-table';
import { localeFromIntl, type Locale } from '@/lib/i18n/locales';
import { hrefLocale } from '@/lib/i18n/routes';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { formatInteger } from '@/lib/i18n/numbers';
import { ariaSortOf, EmptyTableRow, ScrollTable, SortIcon } from './table-parts';

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


/** The table's own words ("No value", sort states), from the DataTable messages, and the reader's locale. */
interface TableWords {
  locale: Locale;
  t: (key: string, values?: Record<string, string>) => string;
}

/** The messages come from the root layout's NextIntlClientProvider (DataTable namespace). */
function useTableWords(): TableWords {
  const t = useTranslations('DataTable');
  const locale = useLocale();
  return { locale: localeFromIntl(locale), t };
}

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

function EmptyValue({ words }: { words: TableWords }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{words.t('noValue')}</span>
    </>
  );
}

function formatValue(spec: ColumnSpec, value: string, locale: Locale): string {
  switch (spec.kind) {
    case 'money':
      return formatCents(parseInteger(value, spec.id), { locale });
    case 'number':
      return formatInteger(parseInteger(value, spec.id), locale);
    case 'percent':
      return formatPercentFromBasisPoints(parseInteger(value, spec.id), locale);
    default:
      return value;
  }
}

function renderCellContent(spec: ColumnSpec, row: Row, words: TableWords): ReactNode {
  const value = row[spec.id];
  if (value == null) return spec.emptyText ? <span className="cell-empty-text">{spec.emptyText}</span> : <EmptyValue words={words} />;
  if (spec.kind === 'link') {
    const href = spec.hrefKey ? row[spec.hrefKey] : undefined;
    if (!href) return value;
    // A link into the other language loads a whole document, so the layout changes language too (LocaleLink).
    return hrefLocale(href) === words.locale ? <Link href={href}>{value}</Link> : <a href={href}>{value}</a>;
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
  return formatValue(spec, value, words.locale);
}

/**
 * Attributes for a td/th of a given column holding `value`. A figure is styled by its data-cents / data-value and a
 * text cell needs no class, so a class is written only where it says something more (empty, link, status): a
 * locality page has hundreds of cells, and its HTML is counted.
 */
function cellAttributes(spec: ColumnSpec, value: string | null | undefined) {
  const attrs: Record<string, string | undefined> = { 'data-column': spec.id };
  if (value == null) attrs.className = `cell--${spec.kind} cell--empty`;
  else if (spec.kind === 'money') attrs['data-cents'] = value;
  else if (spec.kind === 'number' || spec.kind === 'percent') attrs['data-value'] = value;
  else if (spec.kind !== 'text') attrs.className = `cell--${spec.kind}`;
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
      meta: { spec },
    }),
    ),
  );
}

type SortState = { id: string; desc: boolean };

interface HeaderSort {
  sorted: false | 'asc' | 'desc';
  canSort: boolean;
  onSort: () => void;
}

interface TableViewProps extends Required<Pick<DataTableProps, 'caption' | 'emptyMessage'>> {
  specs: ColumnSpec[];
  rows: Row[];
  totals: Map<string, bigint> | null;
  totalsLabel: string | undefined;
  testId: string | undefined;
  headerSort: (spec: ColumnSpec) => HeaderSort;
  active: SortState | undefined;
  /** The column whose sort button keeps the focus when the sortable table takes over from the first view. */
  focusSortOf?: string;
  words: TableWords;
}

/** Sums of the `total: true` money/number columns, with BigInt; null without a totals row. */
function useTotals(specs: ColumnSpec[], rows: Row[], totalsLabel: string | undefined) {
  return useMemo(() => {
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
}

/**
 * A sortable table whose first view is the rows in the order given, drawn without a table engine: on the server and
 * at hydration a locality page's tables then cost no TanStack Table (3 ms of the page's server time, measured in
 * docs/benchmarks.md). The first click on a sort button hands over to SortableDataTable, which keeps every later
 * sort; its first sort is the one that click asked for, and the focus stays on that button.
 */
export function DataTable({
  caption,
  columns: specs,
  rows,
  totalsLabel,
  initialSort,
  testId,
  emptyMessage,
}: DataTableProps) {
  const words = useTableWords();
  const [firstSort, setFirstSort] = useState<SortState | null>(initialSort ?? null);
  const totals = useTotals(specs, rows, totalsLabel);
  const view = { caption, specs, totals, totalsLabel, testId, emptyMessage: emptyMessage ?? words.t('empty'), words };
  if (firstSort) return <SortableDataTable {...view} rows={rows} firstSort={firstSort} focusSortOf={initialSort ? undefined : firstSort.id} />;
  return (
    <TableView
      {...view}
      rows={rows}
      active={undefined}
      // Money and counts: biggest first on the first click, as in buildColumns (sortDescFirst).
      headerSort={(spec) => ({
        sorted: false,
        canSort: spec.sortable !== false,
        onSort: () => setFirstSort({ id: spec.id, desc: isNumericKind(spec.kind) }),
      })}
    />
  );
}

function SortableDataTable({
  rows,
  firstSort,
  ...view
}: Omit<TableViewProps, 'headerSort' | 'active'> & { firstSort: SortState }) {
  // Columns are derived from props, so memoise them: a fresh array on every
  // render would invalidate the table's models.
  const columns = useMemo(() => buildColumns(view.specs), [view.specs]);
  const table = useTable({
    features,
    columns,
    data: rows,
    enableMultiSort: false,
    enableSortingRemoval: false,
    initialState: { sorting: [firstSort] },
  });
  return (
    <TableView
      {...view}
      rows={table.getRowModel().rows.map((row) => row.original)}
      active={table.state.sorting[0]}
      headerSort={(spec) => {
        const column = table.getColumn(spec.id);
        return {
          sorted: column?.getIsSorted() ?? false,
          canSort: column?.getCanSort() ?? false,
          onSort: () => column?.toggleSorting(),
        };
      }}
    />
  );
}

function TableView({ caption, specs, rows, totals, totalsLabel, testId, emptyMessage, headerSort, active, focusSortOf, words }: TableViewProps) {
  const focusRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    focusRef.current?.focus();
  }, []);
  const activeSpec = active ? specs.find((s) => s.id === active.id) : undefined;
  const columnCount = Math.max(specs.length, 1);

  return (
    <div className="data-table-block">
      <ScrollTable caption={caption} className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {specs.map((spec) => {
              const { sorted, canSort, onSort } = headerSort(spec);
              return (
                <th
                  key={spec.id}
                  scope="col"
                  aria-sort={ariaSortOf(sorted)}
                  data-column={spec.id}
                  className={isNumericKind(spec.kind) ? 'th--end' : undefined}
                >
                  {canSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={onSort}
                      ref={spec.id === focusSortOf ? focusRef : undefined}
                    >
                      <span>{spec.header}</span>
                      <SortIcon state={sorted} />
                      <span className="visually-hidden">
                        {` ${words.t(sorted === 'asc' ? 'sortedAscending' : sorted === 'desc' ? 'sortedDescending' : 'sortable')}`}
                      </span>
                    </button>
                  ) : (
                    spec.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyTableRow colSpan={columnCount}>{emptyMessage}</EmptyTableRow>
          ) : (
            rows.map((row, index) => (
              <tr key={index}>
                {specs.map((spec) => (
                  <td key={spec.id} {...cellAttributes(spec, row[spec.id])}>
                    {renderCellContent(spec, row, words)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {totals && rows.length > 0 ? (
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
                    {spec.kind === 'money' ? formatCents(sum, { locale: words.locale }) : formatInteger(sum, words.locale)}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        ) : null}
      </ScrollTable>
      <p className="visually-hidden" aria-live="polite">
        {activeSpec && active
          ? words.t(active.desc ? 'announceDescending' : 'announceAscending', { caption, column: activeSpec.header })
          : ''}
      </p>
    </div>
  );
}
