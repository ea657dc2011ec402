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

/**
 * One locality's totals for one fiscal year: received (receipts not deleted), allocated (lines approved and not
 * deleted) and spent (payments not deleted on lines approved and not deleted). Read from locality_year_totals,
 * which the database keeps exact in the same transaction as every write (docs/adr/0006-locality-year-totals.md);
 * no row means nothing was recorded.
 */
export async function getLocalityTotals(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
): Promise<LocalityTotals> {
  const [row] = await queryRows<{ received: string; allocated: string; spent: string }>(
    executor,
    sql`
      select received_cents::text as received, allocated_cents::text as allocated, spent_cents::text as spent
      from locality_year_totals where locality_id = ${localityId} and fiscal_year = ${fiscalYear}`,
  );
  const receivedCents = toCents(row?.received);
  const spentCents = toCents(row?.spent);
  return { receivedCents, allocatedCents: toCents(row?.allocated), spentCents, unspentCents: receivedCents - spentCents };
}
