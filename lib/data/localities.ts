import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';

export interface LocalityRef {
  id: number;
  slug: string;
  name: string;
  kind: 'county' | 'city' | 'region' | 'state';
  stateCode: string;
  population: number | null;
  fyStartMonth: number;
  parentId: number | null;
  isDemo: boolean;
}

export interface LocalityWithTotals extends LocalityRef {
  receivedCents: bigint;
  allocatedCents: bigint;
  spentCents: bigint;
  /** Number of approved lines in the year; zero means the locality has not reported for it. */
  approvedLines: number;
  childCount: number;
}

const LOCALITY_COLUMNS = sql`l.id, l.slug, l.name, l.kind, l.state_code as "stateCode", l.population,
  l.fy_start_month as "fyStartMonth", l.parent_id as "parentId", l.is_demo as "isDemo"`;

export async function findLocalityBySlug(executor: Executor, slug: string): Promise<LocalityRef | null> {
  const rows = await queryRows<LocalityRef>(
    executor,
    sql`select ${LOCALITY_COLUMNS} from localities l where l.slug = ${slug}`,
  );
  return rows[0] ?? null;
}

/**
 * Every locality with its received / allocated / spent totals for one fiscal year. Only approved lines count:
 * drafts and lines under review are not public. Each total is its own aggregate, never summed with another.
 */
export async function listLocalitiesWithTotals(executor: Executor, fiscalYear: number): Promise<LocalityWithTotals[]> {
  const rows = await queryRows<
    LocalityRef & { received: string; allocated: string; spent: string; approvedLines: number; childCount: number }
  >(
    executor,
    sql`
      select ${LOCALITY_COLUMNS},
        coalesce(r.total, 0)::text as received,
        coalesce(a.total, 0)::text as allocated,
        coalesce(e.total, 0)::text as spent,
        coalesce(a.lines, 0)::int as "approvedLines",
        (select count(*) from localities c where c.parent_id = l.id)::int as "childCount"
      from localities l
      left join (
        select locality_id, sum(amount_cents) as total from receipts
        where fiscal_year = ${fiscalYear} and deleted_at is null group by locality_id
      ) r on r.locality_id = l.id
      left join (
        select locality_id, sum(amount_cents) as total, count(*) as lines from allocations
        where fiscal_year = ${fiscalYear} and status = 'approved' and deleted_at is null group by locality_id
      ) a on a.locality_id = l.id
      left join (
        select x.locality_id, sum(x.amount_cents) as total
        from expenditures x join allocations al on al.id = x.allocation_id
        where x.fiscal_year = ${fiscalYear} and x.deleted_at is null
          and al.status = 'approved' and al.deleted_at is null
        group by x.locality_id
      ) e on e.locality_id = l.id
      order by l.name`,
  );
  return rows.map(({ received, allocated, spent, ...rest }) => ({
    ...rest,
    receivedCents: toCents(received),
    allocatedCents: toCents(allocated),
    spentCents: toCents(spent),
  }));
}

/** The fiscal years for which any locality has money recorded, newest first. */
export async function listFiscalYears(executor: Executor, localityId?: number): Promise<number[]> {
  const filter = localityId === undefined ? sql`true` : sql`locality_id = ${localityId}`;
  const rows = await queryRows<{ fy: number }>(
    executor,
    sql`select distinct fy::int as fy from (
          select fiscal_year as fy from receipts where ${filter} and deleted_at is null
          union select fiscal_year from allocations where ${filter} and deleted_at is null and status = 'approved'
        ) years order by fy desc`,
  );
  return rows.map((r) => r.fy);
}
