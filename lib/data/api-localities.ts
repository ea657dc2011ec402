import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { LocalityFacts } from './localities';
import { queryRows } from './rows';

export interface ApiLocalityRow extends LocalityFacts {
  /** The slugs of the locality it is part of and of the ones it holds. */
  parent: string | null;
  children: string[];
}

const SELECT = sql`
  select l.id, l.slug, l.name, l.kind, l.state_code as "stateCode", l.population,
    l.fy_start_month::int as "fyStartMonth", p.slug as parent, l.is_demo as "isDemo",
    coalesce((select json_agg(c.slug order by c.name) from localities c where c.parent_id = l.id), '[]'::json) as children
  from localities l left join localities p on p.id = l.parent_id`;

/** One page of localities in id order, after `afterId`. */
export async function listApiLocalities(executor: Executor, afterId: number, limit: number): Promise<ApiLocalityRow[]> {
  return queryRows<ApiLocalityRow>(executor, sql`${SELECT} where l.id > ${afterId} order by l.id limit ${limit}`);
}

export async function findApiLocality(executor: Executor, slug: string): Promise<ApiLocalityRow | null> {
  const rows = await queryRows<ApiLocalityRow>(executor, sql`${SELECT} where l.slug = ${slug}`);
  return rows[0] ?? null;
}
