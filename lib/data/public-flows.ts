import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fitMatrix } from '@/lib/categories/fit-matrix';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { crosswalkTargetSql, reportedCategorySql } from './sql/crosswalk-target';
import { spentByLineCte, spentPartsCtes } from './sql/spent-parts';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

/** The target framework's id inside the queries below (each defines the `target` CTE). */
const TARGET = sql`(select id from target)`;

/** Label of the funding-source node for lines that name no source. */
export const NO_SOURCE_LABEL = 'Source not recorded';

export interface SourceToGroup {
  source: string;
  /** Category group in the chosen framework ('Other' for lines not covered or not yet categorized). */
  group: string;
  allocatedCents: bigint;
}

/**
 * Where the money came from and where it went: the approved allocations of one fiscal year by funding source and
 * category group of one framework. Each line counts with its split amounts (which add up to the line), and its
 * categories are mapped through the crosswalk exactly as in getSpendingByCategory, so the groups' totals match the
 * category chart's to the cent.
 */
export async function getAllocatedBySourceAndGroup(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  frameworkKey: string,
): Promise<SourceToGroup[]> {
  const rows = await queryRows<{ source: string; group: string; cents: string }>(
    executor,
    sql`
      with target as (select id from frameworks where key = ${frameworkKey}),
      lines as (
        select a.id, a.source_id, a.amount_cents from allocations a
        where a.locality_id = ${localityId} and a.fiscal_year = ${fiscalYear}
          and a.status = 'approved' and a.deleted_at is null
      ),
      parts as (
        select l.id as allocation_id, l.source_id, s.category_id, s.amount_cents as amount
        from lines l join allocation_splits s on s.allocation_id = l.id
        union all
        select l.id, l.source_id, null, l.amount_cents from lines l
        where not exists (select 1 from allocation_splits s where s.allocation_id = l.id)
      ),
      mapped as (
        select p.source_id, p.amount,
          ${crosswalkTargetSql({ categoryId: sql`p.category_id`, allocationId: sql`p.allocation_id`, targetFrameworkId: TARGET })} as target_id
        from parts p
      )
      select coalesce(fs.name, ${NO_SOURCE_LABEL}) as source, coalesce(${reportedCategorySql(sql`t`, TARGET).group}, 'Other') as "group",
        sum(m.amount)::text as cents
      from mapped m
      left join categories t on t.id = m.target_id
      left join funding_sources fs on fs.id = m.source_id
      group by 1, 2
      having sum(m.amount) <> 0
      order by sum(m.amount) desc, 1, 2`,
  );
  return rows.map((r) => ({ source: r.source, group: r.group, allocatedCents: toCents(r.cents) }));
}

export interface QuarterGroupSpending {
  /** 1–4, the quarter of the locality's fiscal year. */
  quarter: 1 | 2 | 3 | 4;
  group: string;
  spentCents: bigint;
}

/**
 * Money paid in each quarter of a fiscal year, by category group of one framework. Every line's spending is split
 * by category with the same largest-remainder rule as getSpendingByCategory (so group totals match the category
 * chart exactly), and by quarter as paid; fitMatrix reconciles the two splits per line to the cent.
 */
export async function getSpendingByQuarterAndGroup(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  frameworkKey: string,
  fyStartMonth: number,
): Promise<QuarterGroupSpending[]> {
  const approved = sql`select a.id from allocations a
    where a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null`;
  const [groupRows, monthRows] = await Promise.all([
    queryRows<{ line: number; group: string; cents: string }>(
      executor,
      sql`
        with target as (select id from frameworks where key = ${frameworkKey}),
        approved as (${approved}),
        ${spentByLineCte(sql`x.locality_id = ${localityId} and x.fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`x`)}`)},
        ${spentPartsCtes()},
        mapped as (
          select p.allocation_id, p.amount,
            ${crosswalkTargetSql({ categoryId: sql`p.category_id`, allocationId: sql`p.allocation_id`, targetFrameworkId: TARGET })} as target_id
          from spent_parts p
        )
        select m.allocation_id as line, coalesce(${reportedCategorySql(sql`t`, TARGET).group}, 'Other') as "group", sum(m.amount)::text as cents
        from mapped m left join categories t on t.id = m.target_id
        group by 1, 2
        order by 1, 2`,
    ),
    queryRows<{ line: number; month: string; cents: string }>(
      executor,
      sql`
        with approved as (${approved})
        select x.allocation_id as line, to_char(date_trunc('month', x.paid_on), 'YYYY-MM-DD') as month,
          sum(x.amount_cents)::text as cents
        from expenditures x join approved a on a.id = x.allocation_id
        where x.locality_id = ${localityId} and x.fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`x`)}
        group by 1, 2
        order by 1, 2`,
    ),
  ]);

  const groupsByLine = new Map<number, { group: string; cents: bigint }[]>();
  for (const row of groupRows) {
    const list = groupsByLine.get(row.line) ?? [];
    list.push({ group: row.group, cents: toCents(row.cents) });
    groupsByLine.set(row.line, list);
  }
  const quartersByLine = new Map<number, bigint[]>();
  for (const row of monthRows) {
    const quarters = quartersByLine.get(row.line) ?? [0n, 0n, 0n, 0n];
    quarters[fiscalQuarterOf(row.month, fyStartMonth) - 1]! += toCents(row.cents);
    quartersByLine.set(row.line, quarters);
  }

  const totals = new Map<string, bigint[]>();
  for (const [line, groups] of groupsByLine) {
    const quarters = quartersByLine.get(line) ?? [0n, 0n, 0n, 0n];
    const matrix = fitMatrix(
      groups.map((g) => g.cents),
      quarters,
    );
    for (const [index, g] of groups.entries()) {
      const sums = totals.get(g.group) ?? [0n, 0n, 0n, 0n];
      for (let q = 0; q < 4; q += 1) sums[q]! += matrix[index]![q]!;
      totals.set(g.group, sums);
    }
  }
  const result: QuarterGroupSpending[] = [];
  for (const [group, sums] of totals) {
    for (let q = 0; q < 4; q += 1) {
      if (sums[q] !== 0n) result.push({ quarter: (q + 1) as 1 | 2 | 3 | 4, group, spentCents: sums[q]! });
    }
  }
  return result;
}
