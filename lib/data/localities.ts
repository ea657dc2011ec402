import type { LocalityKind } from '@/db/schema/enums';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';

/** What every read of a locality says about it: who it is, where, how many live there, when its year starts. */
export interface LocalityFacts {
  id: number;
  slug: string;
  name: string;
  kind: LocalityKind;
  stateCode: string;
  population: number | null;
  fyStartMonth: number;
  isDemo: boolean;
}

export interface LocalityRef extends LocalityFacts {
  parentId: number | null;
  /** Its receipts and payments are posted by the oversight board (lib/services/money/post.ts). */
  moneyNeedsApproval: boolean;
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
  l.fy_start_month as "fyStartMonth", l.parent_id as "parentId", l.is_demo as "isDemo",
  l.money_needs_approval as "moneyNeedsApproval"`;

export async function findLocalityBySlug(executor: Executor, slug: string): Promise<LocalityRef | null> {
  // Only what the slug check constraint allows can name a locality; anything else (a NUL byte, which PostgreSQL
  // refuses in any text parameter, or 10 kB from a URL) is not found without asking the database.
  if (slug.length > 100 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return null;
  const rows = await queryRows<LocalityRef>(
    executor,
    sql`select ${LOCALITY_COLUMNS} from localities l where l.slug = ${slug}`,
  );
  return rows[0] ?? null;
}

/**
 * Every locality with its received / allocated / spent totals for one fiscal year. Only approved lines count:
 * drafts and lines under review are not public. Each total is its own aggregate, never summed with another. The
 * figures come from locality_year_totals, which the database keeps exact in the same transaction as every write
 * (docs/adr/0006-locality-year-totals.md), so this reads one row per locality instead of a year of payments.
 */
export async function listLocalitiesWithTotals(executor: Executor, fiscalYear: number): Promise<LocalityWithTotals[]> {
  const rows = await queryRows<
    LocalityRef & { received: string; allocated: string; spent: string; approvedLines: number; childCount: number }
  >(
    executor,
    sql`
      select ${LOCALITY_COLUMNS},
        coalesce(t.received_cents, 0)::text as received,
        coalesce(t.allocated_cents, 0)::text as allocated,
        coalesce(t.spent_cents, 0)::text as spent,
        coalesce(t.approved_lines, 0)::int as "approvedLines",
        (select count(*) from localities c where c.parent_id = l.id)::int as "childCount"
      from localities l
      left join locality_year_totals t on t.locality_id = l.id and t.fiscal_year = ${fiscalYear}
      order by l.name`,
  );
  return rows.map(({ received, allocated, spent, ...rest }) => ({
    ...rest,
    receivedCents: toCents(received),
    allocatedCents: toCents(allocated),
    spentCents: toCents(spent),
  }));
}

/**
 * The fiscal years that hold counted data — a receipt, an approved line, or a payment against an approved line —
 * newest first, and every later year an approved multi-year authorization covers: it is listed in each of them.
 * Drafts and lines under review put no year in the navigation (issue 15). A row of locality_year_totals exists
 * exactly when one of its counts is above zero.
 */
export async function listFiscalYears(executor: Executor, localityId?: number): Promise<number[]> {
  const filter = localityId === undefined ? sql`true` : sql`locality_id = ${localityId}`;
  const rows = await queryRows<{ fy: number }>(
    executor,
    sql`select distinct fy from (
          select fiscal_year::int as fy from locality_year_totals
          where ${filter} and (receipt_count > 0 or approved_lines > 0 or payment_count > 0)
          union
          select generate_series(fiscal_year + 1, last_fiscal_year)::int from allocations
          where ${filter} and last_fiscal_year is not null and status = 'approved' and deleted_at is null
        ) years
        order by fy desc`,
  );
  return rows.map((r) => r.fy);
}
