/**
 * The parts of a server-paged staff list (server-data-table.tsx) that need nothing of TanStack's table: the search and
 * filter form, the toolbar (row count, column chooser, downloads), the totals row and the page links. The markup is
 * the list's own; these only give it names.
 */
import Link from 'next/link';
import type { FormEvent } from 'react';
import { exportHrefFor } from '@/lib/data/export-format';
import { formatCents } from '@/lib/money';
import type { FilterOption, FilterSpec, ServerColumnKind, ServerColumnSpec } from './server-data-table';

export const integerFormat = new Intl.NumberFormat('en-US');

export function isNumeric(kind: ServerColumnKind): boolean {
  return kind === 'money' || kind === 'number';
}

/** A cell's test and style hooks: its column, its kind (numbers align right), empty, and money's exact cents. */
export function cellAttributes(spec: ServerColumnSpec, value: string | null | undefined) {
  return {
    'data-column': spec.id,
    className: `cell--${isNumeric(spec.kind) ? spec.kind : 'text'}${value == null || value === '' ? ' cell--empty' : ''}`,
    ...(spec.kind === 'money' && value != null && value !== '' ? { 'data-cents': value } : {}),
  };
}

/** The plain GET form above the list: search, one select per filter, rows per page. Works without JavaScript. */
export function TableFilters({
  action,
  caption,
  idBase,
  searchLabel,
  search,
  hiddenParams,
  filters,
  params,
  pageSize,
  pageSizes,
  onSubmit,
  onFilter,
  onPageSize,
}: {
  action: string;
  caption: string;
  idBase: string;
  searchLabel: string;
  search: string;
  /** The view's other parameters (sort, hidden columns), kept through a search. */
  hiddenParams: [string, string][];
  filters: FilterSpec[];
  params: Record<string, string>;
  pageSize: number;
  pageSizes: readonly number[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onFilter: (param: string, value: string) => void;
  onPageSize: (size: number) => void;
}) {
  return (
    <form method="get" action={action} className="table-controls" role="search" aria-label={`Search and filter ${caption.toLowerCase()}`} onSubmit={onSubmit}>
      {hiddenParams.map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="table-controls__field">
        <label htmlFor={`${idBase}-search`}>{searchLabel}</label>
        <input id={`${idBase}-search`} type="search" name="q" defaultValue={search} key={search} />
      </div>
      {filters.map((filter) => (
        <div className="table-controls__field" key={filter.param}>
          <label htmlFor={`${idBase}-filter-${filter.param}`}>{filter.label}</label>
          <select
            id={`${idBase}-filter-${filter.param}`}
            name={filter.param}
            value={params[filter.param] ?? ''}
            onChange={(event) => onFilter(filter.param, event.currentTarget.value)}
          >
            <option value="">{filter.allLabel}</option>
            {groupOptions(filter.options).map(([group, options]) =>
              group ? (
                <optgroup key={group} label={group}>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              ) : (
                options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))
              ),
            )}
          </select>
        </div>
      ))}
      <div className="table-controls__field">
        <label htmlFor={`${idBase}-size`}>Rows per page</label>
        <select
          id={`${idBase}-size`}
          name="size"
          value={String(pageSize)}
          onChange={(event) => onPageSize(Number(event.currentTarget.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </form>
  );
}

/** The list's totals under its columns (every matching row, not only this page's), the label in the first column. */
export function TotalsRow({
  specs,
  totals,
  label,
  selectColumn,
}: {
  specs: ServerColumnSpec[];
  totals: Record<string, string>;
  label: string;
  selectColumn: boolean;
}) {
  return (
    <tfoot>
      <tr>
        {selectColumn ? <td data-column="select" /> : null}
        {specs.map((spec, index) => {
          const total = totals[spec.id];
          if (total !== undefined) {
            return (
              <td key={spec.id} {...cellAttributes(spec, total)}>
                {spec.kind === 'money' ? formatCents(BigInt(total)) : integerFormat.format(BigInt(total))}
              </td>
            );
          }
          return index === 0 ? (
            <th key={spec.id} scope="row" data-column={spec.id}>
              {label}
            </th>
          ) : (
            <td key={spec.id} data-column={spec.id} />
          );
        })}
      </tr>
    </tfoot>
  );
}

/** A column the person may show or hide, with TanStack's handler for its checkbox. */
export interface ColumnToggle {
  id: string;
  label: string;
  visible: boolean;
  toggle: (event: unknown) => void;
}

/** Above the table: how many rows match (read out as it changes), the column chooser, and the view's downloads. */
export function TableToolbar({
  testId,
  count,
  navigating,
  columns,
  exportHref,
}: {
  testId: string | undefined;
  count: string;
  navigating: boolean;
  columns: ColumnToggle[];
  exportHref: string | undefined;
}) {
  return (
    <div className="table-toolbar">
      <p className="muted" aria-live="polite" data-testid={testId ? `${testId}-count` : undefined}>
        {count}
        {navigating ? ' · loading…' : ''}
      </p>
      <details className="column-toggles">
        <summary>Columns</summary>
        <fieldset>
          <legend className="visually-hidden">Show or hide columns</legend>
          {columns.map((column) => (
            <label key={column.id} className="checkbox">
              <input type="checkbox" checked={column.visible} onChange={column.toggle} />{' '}
              {column.label}
            </label>
          ))}
        </fieldset>
      </details>
      {exportHref ? (
        <span className="table-exports">
          <a className="button button--secondary" href={exportHref} download>
            Export this view to CSV
          </a>
          <a className="button button--secondary" href={exportHrefFor(exportHref, 'xlsx')} download>
            Excel (.xlsx)
          </a>
        </span>
      ) : null}
    </div>
  );
}

/** Previous and next as real links (disabled at either end), and where the page is. */
export function TablePagination({
  caption,
  page,
  pageCount,
  previousHref,
  nextHref,
}: {
  caption: string;
  page: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string | null;
}) {
  return (
    <nav className="pagination" aria-label={`${caption}: pages`}>
      {previousHref ? (
        <Link href={previousHref} scroll={false} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span>
        Page {integerFormat.format(page)} of {integerFormat.format(pageCount)}
      </span>
      {nextHref ? (
        <Link href={nextHref} scroll={false} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}

function groupOptions(options: FilterOption[]): [string | null, FilterOption[]][] {
  const groups = new Map<string | null, FilterOption[]>();
  for (const option of options) {
    const key = option.group ?? null;
    const list = groups.get(key) ?? [];
    list.push(option);
    groups.set(key, list);
  }
  return [...groups.entries()];
}
