/**
 * How a staff list (allocations, receipts, payments) is read: one page in the chosen order with the totals of the
 * whole filtered set, or — for the exports — every row in that order, a batch at a time, by key (export-by-key.ts).
 * Each list says what it reads (its columns, joins, conditions and sort columns); the reading is written once here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { EXPORT_BATCH_ROWS, orderedIds, rowsByKey } from './export-by-key';
import { queryRows, toCents } from './rows';
import { orderBy, pageClause, type StaffListQuery, type StaffPage } from './staff-list-query';

export interface StaffListSource<Raw, Row extends { id: number }> {
  /** The column that keys a row (`a.id`): the last sort key, and what an export batch is read by. */
  key: SQL;
  /** The select list. */
  columns: SQL;
  /** `from …` with every join the columns, the conditions and the sort columns use. */
  from: SQL;
  sortColumns: Readonly<Record<string, SQL>>;
  conditions(localityId: number, query: StaffListQuery): SQL;
  toRow(raw: Raw): Row;
}

export interface StaffListReader<Row extends { id: number }> {
  /**
   * One page of rows, with how many rows the whole filtered set has and its totals: the aggregate `sums` columns
   * over the set, made into Totals by `toTotals`.
   */
  page<Sums, Totals>(
    executor: Executor,
    localityId: number,
    query: StaffListQuery,
    sums: SQL,
    toTotals: (sums: Partial<Sums>) => Totals,
  ): Promise<StaffPage<Row, Totals>>;
  /** The whole filtered set in the list's order, `batchSize` rows at a time. */
  all(executor: Executor, localityId: number, query: StaffListQuery, batchSize?: number): AsyncGenerator<Row[]>;
}

export function staffListReader<Raw, Row extends { id: number }>(source: StaffListSource<Raw, Row>): StaffListReader<Row> {
  const where = (localityId: number, query: StaffListQuery) => source.conditions(localityId, query);
  // Ordered and limited by `tail`, or (`only`, an id array parameter) just those rows.
  const select = async (executor: Executor, localityId: number, query: StaffListQuery, tail: SQL, only?: SQL): Promise<Row[]> => {
    const rows = await queryRows<Raw>(
      executor,
      sql`select ${source.columns} ${source.from}
        where ${where(localityId, query)} ${only ? sql`and ${source.key} = any(${only})` : sql``}
        ${tail}`,
    );
    return rows.map((raw) => source.toRow(raw));
  };
  return {
    async page<Sums, Totals>(executor: Executor, localityId: number, query: StaffListQuery, sums: SQL, toTotals: (sums: Partial<Sums>) => Totals) {
      const [rows, [set]] = await Promise.all([
        select(executor, localityId, query, sql`${orderBy(source.sortColumns, query, source.key)} ${pageClause(query)}`),
        queryRows<Sums & { count: number }>(executor, sql`select count(*)::int as count, ${sums} ${source.from} where ${where(localityId, query)}`),
      ]);
      return { rows, rowCount: set?.count ?? 0, totals: toTotals(set ?? {}), query };
    },
    async *all(executor: Executor, localityId: number, query: StaffListQuery, batchSize = EXPORT_BATCH_ROWS) {
      const ids = await orderedIds(
        executor,
        sql`select array_agg(${source.key} ${orderBy(source.sortColumns, query, source.key)}) as ids ${source.from} where ${where(localityId, query)}`,
      );
      yield* rowsByKey(ids, (only) => select(executor, localityId, query, sql``, only), batchSize);
    },
  };
}

/** When a row was last changed, "YYYY-MM-DD HH:MM" in UTC, from the `updated_at` of `alias`. */
export function updatedAtSql(alias: SQL): SQL {
  return sql`to_char(${alias}.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "updatedAt"`;
}

export type MoneyListTotals = { amountCents: bigint; drafts: number };

/** What a receipts or payments list row carries beside its own columns: its amount, whether it is posted, its version. */
export interface MoneyListRow {
  id: number;
  amountCents: bigint;
  /** Counted publicly (posted), or a draft. */
  posted: boolean;
  updatedAt: string;
  version: number;
}

/**
 * A page of receipts or payments (`alias`: their table's alias) with the sum and the number of drafts (not yet
 * posted) over the whole filtered set.
 */
export function readMoneyListPage<Row extends MoneyListRow>(
  reader: StaffListReader<Row>,
  alias: SQL,
  executor: Executor,
  localityId: number,
  query: StaffListQuery,
): Promise<StaffPage<Row, MoneyListTotals>> {
  return reader.page<{ amount: string; drafts: number }, MoneyListTotals>(
    executor,
    localityId,
    query,
    sql`coalesce(sum(${alias}.amount_cents), 0)::text as amount, (count(*) filter (where ${alias}.posted_at is null))::int as drafts`,
    (sums) => ({ amountCents: toCents(sums.amount), drafts: sums.drafts ?? 0 }),
  );
}
