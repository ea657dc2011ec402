import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { RecipientType } from '@/lib/categories/labels';
import { lineFlagFactsSql } from '@/lib/equity/line-flags-sql';
import { allocationInCategory, type ApiCategoryFilter } from './api-categories';
import { queryRows } from './rows';
import { apiPageConditions } from './sql/api-page-conditions';
import { crosswalkTargetSql, reportedCategorySql } from './sql/crosswalk-target';
import { countedMoneySql } from '@/lib/data/sql/posted';
import type { FundingSourceKind } from '@/db/reference/funding-sources';

/**
 * The public API's allocation lines. The rule every public read shares: only APPROVED allocations that are not
 * deleted are public; drafts, lines under review and returned lines never leave these queries. Money is cast to
 * text in SQL so that no driver turns a bigint into a float.
 */
export const PUBLIC_ALLOCATION = (alias: SQL) => sql`${alias}.status = 'approved' and ${alias}.deleted_at is null`;

export type ApiRecipientType = RecipientType;

export interface ApiLineFilters {
  /** null: every locality. */
  localityId: number | null;
  fiscalYear?: number;
  recipientType?: ApiRecipientType;
  category?: ApiCategoryFilter;
}

export interface ApiSplitRow {
  framework: string;
  key: string;
  label: string;
  group: string;
  stance: 'recommended' | 'neutral' | 'discouraged';
  shareBp: number;
  amount: string;
  /**
   * The category this part falls in within the requested framework; null when the crosswalk has no match. Money paid
   * to a criminal-legal-system recipient whose match is a "non-police" category stays in the category it was filed in
   * (crosswalkTargetSql): key "framework:key", no stance.
   */
  target: { key: string; label: string; group: string; stance: 'recommended' | 'neutral' | 'discouraged' | null; sort: number } | null;
}

export interface ApiAllocationRow {
  id: number;
  locality: string;
  fiscalYear: number;
  lastFiscalYear: number | null;
  program: string;
  description: string;
  recipientName: string | null;
  recipientType: ApiRecipientType | null;
  recipientLivedExperienceLed: boolean | null;
  sourceKey: string | null;
  sourceName: string | null;
  sourceKind: FundingSourceKind | null;
  amount: string;
  spentToDate: string;
  approvedAt: string | null;
  splits: ApiSplitRow[];
  /** lineFlagFactsSql's JSON: read with readLineFlagFacts. */
  flagFacts: unknown;
}

/**
 * The line filters that look at the allocation (`a`) and its recipient (`r`): the kind of recipient and the category.
 * The allocations list and the expenditures list (a payment is filtered by its allocation) read them the same way.
 */
export function allocationConditions(filters: ApiLineFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.recipientType !== undefined) where.push(sql`r.type = ${filters.recipientType}`);
  if (filters.category !== undefined) where.push(allocationInCategory(sql`a.id`, filters.category));
  return where;
}

/** One page of approved lines in id order, after `afterId`; `limit` rows at most. */
export async function listApiAllocations(
  executor: Executor,
  filters: ApiLineFilters,
  targetFrameworkId: number,
  afterId: number,
  limit: number,
): Promise<ApiAllocationRow[]> {
  const where: SQL[] = [PUBLIC_ALLOCATION(sql`a`), ...apiPageConditions(sql`a`, filters, afterId), ...allocationConditions(filters)];
  const target = sql`${targetFrameworkId}::int`;
  const reported = reportedCategorySql(sql`t`, target);
  return queryRows<ApiAllocationRow>(
    executor,
    sql`
      select a.id, l.slug as locality, a.fiscal_year::int as "fiscalYear", a.last_fiscal_year::int as "lastFiscalYear",
        a.program, a.description,
        r.name as "recipientName", r.type as "recipientType", r.lived_experience_led as "recipientLivedExperienceLed",
        fs.key as "sourceKey", fs.name as "sourceName", fs.kind as "sourceKind",
        a.amount_cents::text as amount,
        (select coalesce(sum(x.amount_cents), 0)::text from expenditures x
          where x.allocation_id = a.id and ${countedMoneySql(sql`x`)}) as "spentToDate",
        to_char(a.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "approvedAt",
        ${lineFlagFactsSql(sql`a.id`)} as "flagFacts",
        coalesce((
          select json_agg(json_build_object(
              'framework', f.key, 'key', c.key, 'label', c.label, 'group', c.group_label, 'stance', c.stance,
              'shareBp', s.share_bp, 'amount', s.amount_cents::text,
              'target', case when t.id is null then null else json_build_object(
                'key', ${reported.key}, 'label', t.label, 'group', ${reported.group}, 'stance', ${reported.stance},
                'sort', case when t.framework_id = ${target} then t.sort_order else 1000000 end) end)
            order by c.sort_order, c.id)
          from allocation_splits s
          join categories c on c.id = s.category_id
          join frameworks f on f.id = c.framework_id
          left join categories t on t.id = ${crosswalkTargetSql({ categoryId: sql`s.category_id`, allocationId: sql`s.allocation_id`, targetFrameworkId: target })}
          where s.allocation_id = a.id
        ), '[]'::json) as splits
      from allocations a
      join localities l on l.id = a.locality_id
      left join recipients r on r.id = a.recipient_id
      left join funding_sources fs on fs.id = a.source_id
      where ${sql.join(where, sql` and `)}
      order by a.id
      limit ${limit}`,
  );
}
