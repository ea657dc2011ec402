import { sql, type SQL } from 'drizzle-orm';
import { allocationSplits } from '@/db/schema';

/**
 * THE rule that splits a line's spending across its categories, in SQL: the largest-remainder method of
 * splitCentsByShares (lib/money/sum-cents.ts), so each line's parts add up to the cent and every chart, measure and
 * total built on them adds up too. Every part first gets the floor of its exact share; the cents left over go one
 * each to the parts with the largest remainders, ties to the lower category id (splitCentsByShares gives ties to the
 * earlier share, so the two agree when the shares are listed by category id: spent-parts.test.ts proves it). A
 * negative sum (refunds) is split as its absolute value with the sign put back. A line with no split is one part
 * with a null category.
 *
 * The CTEs `spent_shares`, `spent_ranked` and `spent_parts(allocation_id, category_id, amount)`, to follow a CTE
 * `spent_by_line(allocation_id, spent numeric)` in a `with` list.
 */
export function spentPartsCtes(): SQL {
  const splits = allocationSplits;
  return sql`
    spent_shares as (
      select l.allocation_id, ${splits.categoryId} as category_id, l.spent,
        div(abs(l.spent) * coalesce(${splits.shareBasisPoints}, 10000), 10000) as base,
        mod(abs(l.spent) * coalesce(${splits.shareBasisPoints}, 10000), 10000) as remainder
      from spent_by_line l left join ${splits} on ${splits.allocationId} = l.allocation_id
    ),
    spent_ranked as (
      select *,
        abs(spent) - sum(base) over (partition by allocation_id) as leftover,
        row_number() over (partition by allocation_id order by remainder desc, category_id) as rank
      from spent_shares
    ),
    spent_parts as (
      select allocation_id, category_id, sign(spent) * (base + case when rank <= leftover then 1 else 0 end) as amount
      from spent_ranked
    )`;
}

/**
 * `spent_by_line(allocation_id, spent numeric)`: the payments `x` that `paid` admits, summed per line of a CTE
 * `approved` — what spentPartsCtes splits.
 */
export function spentByLineCte(paid: SQL): SQL {
  return sql`spent_by_line as (
    select x.allocation_id, sum(x.amount_cents)::numeric as spent
    from expenditures x join approved a on a.id = x.allocation_id
    where ${paid}
    group by x.allocation_id
  )`;
}
