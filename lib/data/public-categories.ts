import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { isStance, type Stance } from '@/lib/categories/labels';
import { queryRows } from './rows';

export interface PublicFramework {
  key: string;
  name: string;
  description: string;
  /** Set for a locality's own framework; null for the frameworks Abate ships. */
  localityId: number | null;
}

/** Every framework, the shipped ones first. */
export async function listFrameworks(executor: Executor): Promise<PublicFramework[]> {
  return queryRows<PublicFramework>(
    executor,
    sql`select key, name, description, locality_id as "localityId" from frameworks
        order by (locality_id is not null), sort_order, name`,
  );
}

export interface PublicCategory {
  key: string;
  label: string;
  group: string;
  stance: Stance;
  description: string;
  why: string | null;
  sortOrder: number;
}

/**
 * Framework and category keys are short lowercase words. Keys come from URLs; anything else names nothing, and is
 * not sent to the database (PostgreSQL refuses a NUL byte even in a bound parameter: that would be an error page).
 */
const KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The categories of one framework in their order, or [] for an unknown framework. */
export async function listCategories(executor: Executor, frameworkKey: string): Promise<PublicCategory[]> {
  if (!KEY.test(frameworkKey)) return [];
  const rows = await queryRows<Omit<PublicCategory, 'stance'> & { stance: string }>(
    executor,
    sql`select c.key, c.label, c.group_label as "group", c.stance::text as stance, c.description, c.why,
          c.sort_order as "sortOrder"
        from categories c join frameworks f on f.id = c.framework_id
        where f.key = ${frameworkKey}
        order by c.sort_order, c.label`,
  );
  return rows.map((r) => ({ ...r, stance: isStance(r.stance) ? r.stance : 'neutral' }));
}

export interface CrosswalkLink {
  frameworkKey: string;
  frameworkName: string;
  key: string;
  label: string;
}

export interface PublicCategoryDetail extends PublicCategory {
  framework: PublicFramework;
  /** Where this category's money is reported in each other framework (absent: not covered there). */
  reportedAs: CrosswalkLink[];
  /** The categories of other frameworks whose money is reported under this one. */
  reportedFrom: CrosswalkLink[];
}

export async function getCategory(
  executor: Executor,
  frameworkKey: string,
  key: string,
): Promise<PublicCategoryDetail | null> {
  if (!KEY.test(frameworkKey) || !KEY.test(key)) return null;
  const [row] = await queryRows<
    Omit<PublicCategory, 'stance'> & { stance: string; id: number; fwKey: string; fwName: string; fwDescription: string; fwLocalityId: number | null }
  >(
    executor,
    sql`select c.id, c.key, c.label, c.group_label as "group", c.stance::text as stance, c.description, c.why,
          c.sort_order as "sortOrder", f.key as "fwKey", f.name as "fwName", f.description as "fwDescription",
          f.locality_id as "fwLocalityId"
        from categories c join frameworks f on f.id = c.framework_id
        where f.key = ${frameworkKey} and c.key = ${key}`,
  );
  if (!row) return null;
  const [reportedAs, reportedFrom] = await Promise.all([
    queryRows<CrosswalkLink>(
      executor,
      sql`select f.key as "frameworkKey", f.name as "frameworkName", t.key, t.label
          from category_crosswalk x
          join categories t on t.id = x.to_category_id
          join frameworks f on f.id = t.framework_id
          where x.from_category_id = ${row.id}
          order by f.sort_order, t.sort_order`,
    ),
    queryRows<CrosswalkLink>(
      executor,
      sql`select f.key as "frameworkKey", f.name as "frameworkName", s.key, s.label
          from category_crosswalk x
          join categories s on s.id = x.from_category_id
          join frameworks f on f.id = s.framework_id
          where x.to_category_id = ${row.id}
          order by f.sort_order, s.sort_order`,
    ),
  ]);
  return {
    key: row.key,
    label: row.label,
    group: row.group,
    stance: isStance(row.stance) ? row.stance : 'neutral',
    description: row.description,
    why: row.why,
    sortOrder: row.sortOrder,
    framework: { key: row.fwKey, name: row.fwName, description: row.fwDescription, localityId: row.fwLocalityId },
    reportedAs,
    reportedFrom,
  };
}
