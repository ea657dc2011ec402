import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';

export interface LocalityTotals {
  receivedCents: bigint;
  allocatedCents: bigint;
  spentCents: bigint;
  /** received − spent: never received − allocated, and never a sum of the four figures. */
  unspentCents: bigint;
}

export async function getLocalityTotals(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
): Promise<LocalityTotals> {
  const [row] = await queryRows<{ received: string; allocated: string; spent: string }>(
    executor,
    sql`
      select
        (select coalesce(sum(amount_cents), 0)::text from receipts
          where locality_id = ${localityId} and fiscal_year = ${fiscalYear} and deleted_at is null) as received,
        (select coalesce(sum(amount_cents), 0)::text from allocations
          where locality_id = ${localityId} and fiscal_year = ${fiscalYear}
            and status = 'approved' and deleted_at is null) as allocated,
        (select coalesce(sum(x.amount_cents), 0)::text from expenditures x
          join allocations a on a.id = x.allocation_id
          where x.locality_id = ${localityId} and x.fiscal_year = ${fiscalYear} and x.deleted_at is null
            and a.status = 'approved' and a.deleted_at is null) as spent`,
  );
  const receivedCents = toCents(row?.received);
  const spentCents = toCents(row?.spent);
  return { receivedCents, allocatedCents: toCents(row?.allocated), spentCents, unspentCents: receivedCents - spentCents };
}
