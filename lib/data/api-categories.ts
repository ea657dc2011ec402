import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';
import { crosswalkTargetSql } from './sql/crosswalk-target';

/** Reads behind the public API's categories and category filters (see lib/open-data). */

export interface ApiFrameworkRow {
  id: number;
  key: string;
  name: string;
  description: string;
  /** Slug of the locality that owns the framework; null for the frameworks Abate ships. */
  locality: string | null;
}

export interface ApiCategoryRow {
  id: number;
  key: string;
  label: string;
  group: string;
  stance: 'recommended' | 'neutral' | 'discouraged';
  description: string;
  why: string | null;
  /** Where the crosswalk sends this category in each other framework. */
  crosswalk: { framework: string; key: string }[];
}

export async function listApiFrameworks(executor: Executor): Promise<ApiFrameworkRow[]> {
  return queryRows<ApiFrameworkRow>(
    executor,
    sql`select f.id, f.key, f.name, f.description, l.slug as locality
        from frameworks f left join localities l on l.id = f.locality_id
        order by f.sort_order, f.id`,
  );
}

export async function findApiCategoryId(executor: Executor, frameworkId: number, key: string): Promise<number | null> {
  const rows = await queryRows<{ id: number }>(
    executor,
    sql`select id from categories where framework_id = ${frameworkId} and key = ${key}`,
  );
  return rows[0]?.id ?? null;
}

/** One page of a framework's categories in id order, after `afterId`; `limit` rows at most. */
export async function listApiCategories(
  executor: Executor,
  frameworkId: number,
  afterId: number,
  limit: number,
): Promise<ApiCategoryRow[]> {
  return queryRows<ApiCategoryRow>(
    executor,
    sql`
      select c.id, c.key, c.label, c.group_label as "group", c.stance, c.description, c.why,
        coalesce((
          select json_agg(json_build_object('framework', tf.key, 'key', t.key) order by tf.sort_order, tf.id)
          from category_crosswalk x
          join categories t on t.id = x.to_category_id
          join frameworks tf on tf.id = t.framework_id
          where x.from_category_id = c.id
        ), '[]'::json) as crosswalk
      from categories c
      where c.framework_id = ${frameworkId} and c.id > ${afterId}
      order by c.id
      limit ${limit}`,
  );
}

/**
 * Which lines a `category` filter keeps: a line is kept when any part of it falls in the category, seen through
 * the crosswalk when the line is tagged in another framework. `unmapped` keeps lines with a part the framework does
 * not cover, `uncategorized` lines with no category at all — the same buckets the summary reports.
 */
export type ApiCategoryFilter = { frameworkId: number } & (
  | { kind: 'category'; categoryId: number }
  | { kind: 'unmapped' }
  | { kind: 'uncategorized' }
);

export function allocationInCategory(allocationId: SQL, filter: ApiCategoryFilter): SQL {
  if (filter.kind === 'uncategorized') {
    return sql`not exists (select 1 from allocation_splits s where s.allocation_id = ${allocationId})`;
  }
  const reported = crosswalkTargetSql({ categoryId: sql`s.category_id`, allocationId: sql`s.allocation_id`, targetFrameworkId: sql`${filter.frameworkId}::int` });
  const condition = filter.kind === 'category' ? sql`${reported} = ${filter.categoryId}` : sql`${reported} is null`;
  return sql`exists (
    select 1 from allocation_splits s
    where s.allocation_id = ${allocationId} and ${condition})`;
}
