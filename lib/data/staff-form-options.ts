/**
 * The choices the money forms and list filters offer: categories of every framework a locality may use, its
 * recipients, the funding sources, its allocations (for spending), and the fiscal years it has money in.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';

export interface CategoryOption {
  id: number;
  key: string;
  label: string;
  group: string;
  frameworkKey: string;
  frameworkName: string;
}

export interface RecipientOption {
  id: number;
  name: string;
  type: string;
  livedExperienceLed: boolean;
}

export interface SourceOption {
  id: number;
  name: string;
  kind: 'settlement' | 'grant';
}

export interface AllocationOption {
  id: number;
  program: string;
  fiscalYear: number;
  status: string;
  recipient: string | null;
  /** Cents as a decimal string (a bigint does not travel to a form in the browser as one). */
  amountCents: string;
  /** The amount less its live payments, as the overspend check counts it (lib/services/expenditures/guardrails.ts). */
  remainingCents: string;
}

/** Categories of the frameworks Abate ships and of the locality's own framework, in framework and list order. */
export function listCategoryOptions(executor: Executor, localityId: number): Promise<CategoryOption[]> {
  return queryRows<CategoryOption>(
    executor,
    sql`select c.id, c.key, c.label, c.group_label as "group", f.key as "frameworkKey", f.name as "frameworkName"
        from categories c join frameworks f on f.id = c.framework_id
        where f.locality_id is null or f.locality_id = ${localityId}
        order by f.locality_id nulls first, f.sort_order, f.id, c.sort_order, c.id`,
  );
}

export function listRecipientOptions(executor: Executor, localityId: number): Promise<RecipientOption[]> {
  return queryRows<RecipientOption>(
    executor,
    sql`select id, name, type::text as type, lived_experience_led as "livedExperienceLed"
        from recipients where locality_id = ${localityId} order by lower(name), id`,
  );
}

export function listSourceOptions(executor: Executor): Promise<SourceOption[]> {
  return queryRows<SourceOption>(
    executor,
    sql`select id, name, kind::text as kind from funding_sources order by kind desc, name, id`,
  );
}

/**
 * The allocations a payment may be made from: the approved ones (lib/services/expenditures/guardrails.ts), and on an edit
 * the payment's own allocation whatever its status, so the form shows what was saved.
 */
export function listAllocationOptions(executor: Executor, localityId: number, keepId: number | null = null): Promise<AllocationOption[]> {
  return queryRows<AllocationOption>(
    executor,
    sql`select a.id, a.program, a.fiscal_year::int as "fiscalYear", a.status::text as status, r.name as recipient,
               a.amount_cents::text as "amountCents",
               (a.amount_cents - coalesce(paid.cents, 0))::text as "remainingCents"
        from allocations a
        left join recipients r on r.id = a.recipient_id
        left join lateral (
          select sum(x.amount_cents) as cents from expenditures x where x.allocation_id = a.id and x.deleted_at is null
        ) paid on true
        where a.locality_id = ${localityId} and a.deleted_at is null
          and (a.status = 'approved' or a.id = ${keepId}::integer)
        order by a.fiscal_year desc, lower(a.program), a.id`,
  );
}

/** Every fiscal year the locality has any live line in (any status), newest first. */
export async function listStaffFiscalYears(executor: Executor, localityId: number): Promise<number[]> {
  const rows = await queryRows<{ fy: number }>(
    executor,
    sql`select distinct fy::int as fy from (
          select fiscal_year as fy from allocations where locality_id = ${localityId} and deleted_at is null
          union select fiscal_year from receipts where locality_id = ${localityId} and deleted_at is null
          union select fiscal_year from expenditures where locality_id = ${localityId} and deleted_at is null
        ) years order by fy desc`,
  );
  return rows.map((row) => row.fy);
}
