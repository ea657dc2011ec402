import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { crosswalkTargetSql, reportedCategorySql } from './sql/crosswalk-target';
import { spentByLineCte, spentPartsCtes } from './sql/spent-parts';
import { queryRows, toCents } from './rows';
import { countedMoneySql } from '@/lib/data/sql/posted';

export interface CategorySpending {
  /** Category key in the chosen framework, or `unmapped` / `uncategorized`. */
  key: string;
  label: string;
  group: string;
  stance: 'recommended' | 'neutral' | 'discouraged' | null;
  allocatedCents: bigint;
  spentCents: bigint;
}

export const UNMAPPED_KEY = 'unmapped';
export const UNCATEGORIZED_KEY = 'uncategorized';

/**
 * Approved allocations of a fiscal year and the money paid in it, by category of one framework.
 *
 * A line split across categories is divided by its shares. Spending is divided with the largest-remainder method
 * in SQL, so each line's parts add up to the cent and the categories add up to the locality's total. A line tagged
 * in another framework is counted under its crosswalk match (crosswalkTargetSql: police money is never counted under
 * a "non-police" category, but under the category it was filed in, key "framework:key"); one with no match is
 * counted as "not covered", so switching frameworks never changes the total.
 */
export async function getSpendingByCategory(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  frameworkKey: string,
): Promise<CategorySpending[]> {
  const target = sql`(select id from target)`;
  const reported = reportedCategorySql(sql`t`, target);
  const rows = await queryRows<{
    key: string;
    label: string;
    group: string;
    stance: CategorySpending['stance'];
    allocated: string;
    spent: string;
  }>(
    executor,
    sql`
      with target as (select id from frameworks where key = ${frameworkKey}),
      approved as (
        select a.id, a.amount_cents from allocations a
        where a.locality_id = ${localityId} and a.status = 'approved' and a.deleted_at is null
      ),
      allocated_parts as (
        select a.id as allocation_id, s.category_id, s.amount_cents as amount
        from approved a
        join allocations al on al.id = a.id and al.fiscal_year = ${fiscalYear}
        join allocation_splits s on s.allocation_id = a.id
        union all
        select a.id, null, a.amount_cents
        from approved a
        join allocations al on al.id = a.id and al.fiscal_year = ${fiscalYear}
        where not exists (select 1 from allocation_splits s where s.allocation_id = a.id)
      ),
      ${spentByLineCte(sql`x.locality_id = ${localityId} and x.fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`x`)}`)},
      ${spentPartsCtes()},
      parts as (
        select allocation_id, category_id, amount as allocated, 0::numeric as spent from allocated_parts
        union all
        select allocation_id, category_id, 0, amount from spent_parts
      ),
      mapped as (
        select
          ${crosswalkTargetSql({ categoryId: sql`p.category_id`, allocationId: sql`p.allocation_id`, targetFrameworkId: target })} as target_id,
          p.category_id is null as uncategorized,
          p.allocated, p.spent
        from parts p
      )
      select
        case when m.uncategorized then ${UNCATEGORIZED_KEY} when t.id is null then ${UNMAPPED_KEY} else ${reported.key} end as key,
        case when m.uncategorized then 'Not yet categorized' when t.id is null then 'Not covered by this framework'
             else t.label end as label,
        coalesce(${reported.group}, 'Other') as "group",
        ${reported.stance} as stance,
        sum(m.allocated)::text as allocated,
        sum(m.spent)::text as spent
      from mapped m left join categories t on t.id = m.target_id
      group by 1, 2, 3, 4, t.sort_order, t.framework_id
      having sum(m.allocated) <> 0 or sum(m.spent) <> 0
      order by t.framework_id = (select id from target) desc, coalesce(t.sort_order, 1000000), 2`,
  );
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    group: r.group,
    stance: r.stance,
    allocatedCents: toCents(r.allocated),
    spentCents: toCents(r.spent),
  }));
}
