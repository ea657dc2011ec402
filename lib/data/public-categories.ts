import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { CategoryDef } from '@/db/reference/types';
import { isStance } from '@/lib/categories/labels';
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

/** A category as the public reads it: the fields of a category's definition (db/reference/types.ts) shown on a page. */
export type PublicCategory = Pick<CategoryDef, 'key' | 'label' | 'group' | 'stance' | 'description' | 'why' | 'sortOrder'>;

/**
 * Framework and category keys are short lowercase words. Keys come from URLs; anything else names nothing, and is
 * not sent to the database (PostgreSQL refuses a NUL byte even in a bound parameter: that would be an error page).
 */
const KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The columns of a category `c` that make a PublicCategory (its stance as text: see publicCategory). */
const CATEGORY_COLUMNS = sql`c.key, c.label, c.group_label as "group", c.stance::text as stance, c.description, c.why,
  c.sort_order as "sortOrder"`;

type CategoryColumns = Omit<PublicCategory, 'stance'> & { stance: string };

function publicCategory(row: CategoryColumns): PublicCategory {
  return {
    key: row.key,
    label: row.label,
    group: row.group,
    stance: isStance(row.stance) ? row.stance : 'neutral',
    description: row.description,
    why: row.why,
    sortOrder: row.sortOrder,
  };
}

/** The categories of one framework in their order, or [] for an unknown framework. */
export async function listCategories(executor: Executor, frameworkKey: string): Promise<PublicCategory[]> {
  if (!KEY.test(frameworkKey)) return [];
  const rows = await queryRows<CategoryColumns>(
    executor,
    sql`select ${CATEGORY_COLUMNS}
        from categories c join frameworks f on f.id = c.framework_id
        where f.key = ${frameworkKey}
        order by c.sort_order, c.label`,
  );
  return rows.map(publicCategory);
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
  const [row] = await queryRows<CategoryColumns & { id: number; fwKey: string; fwName: string; fwDescription: string; fwLocalityId: number | null }>(
    executor,
    sql`select c.id, ${CATEGORY_COLUMNS}, f.key as "fwKey", f.name as "fwName", f.description as "fwDescription",
          f.locality_id as "fwLocalityId"
        from categories c join frameworks f on f.id = c.framework_id
        where f.key = ${frameworkKey} and c.key = ${key}`,
  );
  if (!row) return null;
  const [reportedAs, reportedFrom] = await Promise.all([crosswalkLinks(executor, row.id, 'to'), crosswalkLinks(executor, row.id, 'from')]);
  return {
    ...publicCategory(row),
    framework: { key: row.fwKey, name: row.fwName, description: row.fwDescription, localityId: row.fwLocalityId },
    reportedAs,
    reportedFrom,
  };
}

/**
 * The categories a category's money is reported under in the other frameworks ('to'), or whose money is reported
 * under it ('from'), through the crosswalk, in framework and category order.
 */
function crosswalkLinks(executor: Executor, categoryId: number, direction: 'to' | 'from'): Promise<CrosswalkLink[]> {
  const [linked, self] = direction === 'to' ? [sql`x.to_category_id`, sql`x.from_category_id`] : [sql`x.from_category_id`, sql`x.to_category_id`];
  return queryRows<CrosswalkLink>(
    executor,
    sql`select f.key as "frameworkKey", f.name as "frameworkName", l.key, l.label
        from category_crosswalk x
        join categories l on l.id = ${linked}
        join frameworks f on f.id = l.framework_id
        where ${self} = ${categoryId}
        order by f.sort_order, l.sort_order`,
  );
}
