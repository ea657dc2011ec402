/**
 * The guardrails on money recorded by hand, by the import (command line and staff upload) and so on the public API
 * and pages (issue 15): the one place their rules and messages live.
 *
 * - A date of money received or paid lies between EARLIEST_MONEY_DATE and today (the server's date, UTC). A receipt
 *   dated 2031 or 1999 is a typo, and published it would put FY2031 and FY1999 on the public pages.
 * - A payment is made against an approved allocation: money is spent once the board has approved the line.
 * - A payment beyond what remains of its allocation (its amount less the live payments already recorded against it)
 *   is refused unless it comes with an overspend reason, which is published with the payment. Refunds (negative
 *   amounts) are never refused. An edit does not count the payment's own previous amount. The allocation's row is
 *   locked (`for update`) from the check until the transaction ends, so two payments saved at once cannot both pass
 *   on the same remainder.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { Invalid } from '@/lib/errors';
import { todayIso } from '@/lib/fiscal-year';
import { formatCents } from '@/lib/money';

/**
 * No opioid-settlement money reached a locality before this day. The first payments of the national settlements
 * (Distributors, Johnson & Johnson) were made in 2022; the margin of 2021 keeps interest and early state payments
 * (docs/reference-data.md, "Dates Abate accepts").
 */
export const EARLIEST_MONEY_DATE = '2021-01-01';

export const OVERSPEND_REASON_MAX = 2000;

export type MoneyDateKind = 'receipt' | 'payment';

const DATE_WORDS: Record<MoneyDateKind, string> = { receipt: 'date received', payment: 'date paid' };

/**
 * Why a date (YYYY-MM-DD) cannot be a date of money received or paid, or null when it can. Written to follow the
 * field's name: "The date paid 2031-03-01 is in the future …".
 */
export function moneyDateProblem(date: string, kind: MoneyDateKind, today: string = todayIso()): string | null {
  if (date < EARLIEST_MONEY_DATE) {
    return (
      `${date} is before ${EARLIEST_MONEY_DATE}: no opioid-settlement money was ${kind === 'receipt' ? 'received' : 'paid out'} ` +
      'that early. Check the year'
    );
  }
  if (date > today) {
    return `${date} is in the future (today is ${today}): record ${kind === 'receipt' ? 'money once it has arrived' : 'a payment once it is made'}`;
  }
  return null;
}

/** The form's check: refuses a date out of range with a message beside the field. */
export function checkMoneyDate(field: string, date: string, kind: MoneyDateKind, today: string = todayIso()): void {
  const problem = moneyDateProblem(date, kind, today);
  if (problem) {
    const words = DATE_WORDS[kind];
    throw new Invalid('Please correct the field marked below.', { [field]: [`The ${words} ${problem}.`] });
  }
}

/** What is known of an allocation when a payment is checked against it. */
export interface AllocationBudget {
  id: number;
  program: string;
  fiscalYear: number;
  status: string;
  amountCents: bigint;
  /** The live payments recorded against it (net of refunds), the checked payment's own previous amount excluded. */
  paidCents: bigint;
}

export type PaymentCheck =
  | { ok: true; overspend: boolean }
  | { ok: false; field: 'allocationId'; reason: string }
  | { ok: false; field: 'amount'; reason: string; remainingCents: bigint; excessCents: bigint };

function allocationName(budget: Pick<AllocationBudget, 'program' | 'fiscalYear'>): string {
  return `"${budget.program}" (FY${budget.fiscalYear})`;
}

/** A payment is recorded only against an approved allocation; the reason names its status. */
export function unapprovedReason(budget: Pick<AllocationBudget, 'program' | 'fiscalYear' | 'status'>): string {
  const status = budget.status === 'submitted' ? 'submitted for approval' : budget.status;
  return `The allocation ${allocationName(budget)} is ${status}, not approved: a payment is recorded only against an approved allocation.`;
}

export function overspendReasonText(budget: AllocationBudget, amountCents: bigint): { reason: string; remainingCents: bigint; excessCents: bigint } {
  const remainingCents = budget.amountCents - budget.paidCents;
  const excessCents = amountCents - (remainingCents > 0n ? remainingCents : 0n);
  const remaining = remainingCents > 0n ? `only ${formatCents(remainingCents)} remains` : 'nothing remains';
  const reason =
    `This payment of ${formatCents(amountCents)} is more than what remains of the allocation ${allocationName(budget)}: ` +
    `${formatCents(budget.amountCents)} allocated, ${formatCents(budget.paidCents)} already paid, so ${remaining}; ` +
    `the payment exceeds it by ${formatCents(excessCents)}. Amend the allocation first, or give an overspend reason ` +
    '(it is shown in public with the payment).';
  return { reason, remainingCents, excessCents };
}

/**
 * The rules on one payment against a budget, pure (the import runs them row after row on a running total).
 * `unchangedOrLess`: an edit that keeps the allocation and does not raise the amount makes nothing worse and is
 * never refused as an overspend.
 */
export function checkPayment(
  budget: AllocationBudget,
  amountCents: bigint,
  overspendReason: string | null,
  unchangedOrLess = false,
): PaymentCheck {
  if (budget.status !== 'approved') return { ok: false, field: 'allocationId', reason: unapprovedReason(budget) };
  if (amountCents <= 0n) return { ok: true, overspend: false };
  const overspend = budget.paidCents + amountCents > budget.amountCents;
  if (!overspend || unchangedOrLess) return { ok: true, overspend };
  if (overspendReason !== null && overspendReason.trim() !== '') return { ok: true, overspend: true };
  return { ok: false, field: 'amount', ...overspendReasonText(budget, amountCents) };
}

/** A payment the guardrails refused, as the form shows it: the message, and the fields to mark. */
export class PaymentRefused extends Invalid {
  constructor(
    message: string,
    fieldErrors: Record<string, string[]>,
    readonly remainingCents: bigint | null = null,
    readonly excessCents: bigint | null = null,
  ) {
    super(message, fieldErrors);
  }
}

/**
 * Locks the allocations (in id order, so two sessions never wait on each other crosswise) until the transaction
 * ends, then reads each one's budget. The lock and the sum are two statements: under READ COMMITTED the sum then
 * sees every payment committed by a session that held the lock before.
 */
export async function lockAllocationBudgets(
  tx: Executor,
  localityId: number,
  allocationIds: readonly number[],
  excludeExpenditureId: number | null = null,
  lock = true,
): Promise<Map<number, AllocationBudget>> {
  const budgets = new Map<number, AllocationBudget>();
  if (allocationIds.length === 0) return budgets;
  const ids = JSON.stringify([...new Set(allocationIds)].sort((a, b) => a - b));
  const rows = await queryRows<{ id: number; program: string; fiscalYear: number; status: string; amountCents: string }>(
    tx,
    sql`select a.id, a.program, a.fiscal_year::int as "fiscalYear", a.status::text as status, a.amount_cents::text as "amountCents"
        from allocations a
        where a.locality_id = ${localityId} and a.deleted_at is null
          and a.id in (select value::int from jsonb_array_elements_text(${ids}::jsonb))
        order by a.id
        ${lock ? sql`for update of a` : sql``}`,
  );
  if (rows.length === 0) return budgets;
  const lockedIds = JSON.stringify(rows.map((row) => Number(row.id)));
  const paid = await queryRows<{ allocationId: number; paidCents: string }>(
    tx,
    sql`select x.allocation_id as "allocationId", coalesce(sum(x.amount_cents), 0)::text as "paidCents"
        from expenditures x
        where x.allocation_id in (select value::int from jsonb_array_elements_text(${lockedIds}::jsonb))
          and x.deleted_at is null
          and (${excludeExpenditureId}::integer is null or x.id <> ${excludeExpenditureId}::integer)
        group by x.allocation_id`,
  );
  const paidById = new Map(paid.map((row) => [Number(row.allocationId), BigInt(row.paidCents)]));
  for (const row of rows) {
    const id = Number(row.id);
    budgets.set(id, {
      id,
      program: row.program,
      fiscalYear: Number(row.fiscalYear),
      status: row.status,
      amountCents: BigInt(row.amountCents),
      paidCents: paidById.get(id) ?? 0n,
    });
  }
  return budgets;
}

export interface PaymentGuardInput {
  localityId: number;
  allocationId: number;
  amountCents: bigint;
  overspendReason: string | null;
  /** The payment being edited: its previous amount is not counted, and its previous allocation and amount matter. */
  previous?: { id: number; allocationId: number; amountCents: bigint } | null;
}

/**
 * The form verbs' check, inside their transaction: locks the allocation and refuses (PaymentRefused) a payment the
 * rules do not allow. Returns the overspend reason to store: null unless the payment overspends.
 */
export async function guardPayment(tx: Executor, input: PaymentGuardInput): Promise<{ overspendReason: string | null }> {
  const previous = input.previous ?? null;
  const budgets = await lockAllocationBudgets(tx, input.localityId, [input.allocationId], previous?.id ?? null);
  const budget = budgets.get(input.allocationId);
  if (!budget) {
    throw new PaymentRefused('Please correct the field marked below.', {
      allocationId: ['Choose an allocation of this locality from the list.'],
    });
  }
  const reason = input.overspendReason?.trim() ? input.overspendReason.trim() : null;
  const unchangedOrLess = previous !== null && previous.allocationId === input.allocationId && input.amountCents <= previous.amountCents;
  const check = checkPayment(budget, input.amountCents, reason, unchangedOrLess);
  if (!check.ok) {
    if (check.field === 'allocationId') {
      throw new PaymentRefused(check.reason, { allocationId: [`${check.reason} Have it approved first, or choose another.`] });
    }
    throw new PaymentRefused(
      check.reason,
      {
        amount: [`Exceeds what remains of the allocation by ${formatCents(check.excessCents)}.`],
        overspendReason: ['Give the reason for spending beyond the allocation, or amend the allocation first.'],
      },
      check.remainingCents,
      check.excessCents,
    );
  }
  return { overspendReason: check.overspend ? reason : null };
}
