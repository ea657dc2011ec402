import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';
import { draftMoneySql } from './sql/posted';
import type { LocalityFacts } from './localities';

export interface StaffLocality {
  id: number;
  slug: string;
  name: string;
  drafts: number;
  submitted: number;
  returned: number;
  /** Receipts and payments recorded but not yet posted (not counted in public). */
  draftReceipts: number;
  draftPayments: number;
  /** Its board posts its receipts and payments. */
  moneyNeedsApproval: boolean;
}

/** The localities a staff member works in (or all of them), with how many lines wait in each state. */
export async function listStaffLocalities(executor: Executor, scope: number[] | 'all'): Promise<StaffLocality[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const filter =
    scope === 'all' ? sql`true` : sql`l.id in (${sql.join(scope.map((id) => sql`${id}`), sql`, `)})`;
  return queryRows<StaffLocality>(
    executor,
    sql`select l.id, l.slug, l.name, l.money_needs_approval as "moneyNeedsApproval",
          count(a.id) filter (where a.status = 'draft')::int as drafts,
          count(a.id) filter (where a.status = 'submitted')::int as submitted,
          count(a.id) filter (where a.status = 'returned')::int as returned,
          (select count(*) from receipts r where r.locality_id = l.id and ${draftMoneySql(sql`r`)})::int as "draftReceipts",
          (select count(*) from expenditures x where x.locality_id = l.id and ${draftMoneySql(sql`x`)})::int as "draftPayments"
        from localities l
        left join allocations a on a.locality_id = l.id and a.deleted_at is null
        where ${filter} and not exists (select 1 from localities c where c.parent_id = l.id)
        group by l.id order by l.name`,
  );
}

/** A locality's own fields, as the locality form edits them and the audit log records them. */
export interface LocalitySnapshot extends LocalityFacts {
  fips: string | null;
  /** Its board posts its receipts and payments. */
  moneyNeedsApproval: boolean;
}

const SNAPSHOT_COLUMNS = sql`l.id, l.slug, l.name, l.kind, l.state_code as "stateCode", l.fips,
  l.fy_start_month as "fyStartMonth", l.population, l.is_demo as "isDemo", l.money_needs_approval as "moneyNeedsApproval"`;

export async function readLocalitySnapshot(executor: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<LocalitySnapshot | null> {
  const rows = await queryRows<LocalitySnapshot>(
    executor,
    sql`select ${SNAPSHOT_COLUMNS} from localities l where l.id = ${id}${options.forUpdate ? sql` for update` : sql``}`,
  );
  return rows[0] ?? null;
}

/** Every locality, for the site administrator's list: demo ones included and marked. */
export async function listAllLocalities(executor: Executor): Promise<LocalitySnapshot[]> {
  return queryRows<LocalitySnapshot>(executor, sql`select ${SNAPSHOT_COLUMNS} from localities l order by l.name, l.state_code`);
}
