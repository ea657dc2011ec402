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
 * The allocations a payment may be made from: the approved ones (lib/services/money-guardrails.ts), and on an edit
 * the payment's own allocation whatever its status, so the form shows what was saved.
 */
export function listAllocationOptions(executor: Executor, localityId: number, keepId: number | null = null): Promise<AllocationOption[]> {
  return queryRows<AllocationOption>(
    executor,
    sql`select id, program, fiscal_year::int as "fiscalYear", status::text as status
        from allocations where locality_id = ${localityId} and deleted_at is null
          and (status = 'approved' or id = ${keepId}::integer)
        order by fiscal_year desc, lower(program), id`,
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
