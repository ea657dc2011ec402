import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocationConditions, PUBLIC_ALLOCATION, type ApiLineFilters, type ApiRecipientType } from './api-allocations';
import { queryRows } from './rows';
import { apiPageConditions } from './sql/api-page-conditions';
import { countedMoneySql } from '@/lib/data/sql/posted';

export interface ApiExpenditureRow {
  id: number;
  allocationId: number;
  locality: string;
  fiscalYear: number;
  paidOn: string;
  amount: string;
  description: string;
  overspendReason: string | null;
  program: string;
  recipientName: string | null;
  recipientType: ApiRecipientType | null;
  recipientLivedExperienceLed: boolean | null;
}

/**
 * One page of payments in id order, after `afterId`. A payment is public when it is not deleted and the allocation
 * it was made against is public (approved, not deleted). `fiscalYear` is the year the payment was made in; the
 * category and recipient filters look at the payment's allocation.
 */
export async function listApiExpenditures(
  executor: Executor,
  filters: ApiLineFilters,
  afterId: number,
  limit: number,
): Promise<ApiExpenditureRow[]> {
  const where: SQL[] = [countedMoneySql(sql`x`), PUBLIC_ALLOCATION(sql`a`), ...apiPageConditions(sql`x`, filters, afterId), ...allocationConditions(filters)];
  return queryRows<ApiExpenditureRow>(
    executor,
    sql`
      select x.id, x.allocation_id as "allocationId", l.slug as locality, x.fiscal_year::int as "fiscalYear",
        x.paid_on::text as "paidOn", x.amount_cents::text as amount, x.description, x.overspend_reason as "overspendReason",
        a.program, r.name as "recipientName", r.type as "recipientType",
        r.lived_experience_led as "recipientLivedExperienceLed"
      from expenditures x
      join allocations a on a.id = x.allocation_id
      join localities l on l.id = x.locality_id
      left join recipients r on r.id = a.recipient_id
      where ${sql.join(where, sql` and `)}
      order by x.id
      limit ${limit}`,
  );
}
