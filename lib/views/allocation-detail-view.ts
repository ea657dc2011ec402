/**
 * The staff page of one allocation line: its facts in words (fiscal years, money, recipient, who changed, submitted
 * and decided it) and what may happen to it next. Pure: tested without a database.
 */
import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import { formatCents } from '@/lib/money';
import { recipientKindText } from './line-facts-view';

export interface AllocationFacts {
  /** "FY2026", or "FY2026–FY2028 (one multi-year line; its amount counts in FY2026)" */
  fiscalYear: string;
  amountCents: string;
  amount: string;
  spentCents: string;
  spent: string;
  /** Null when no recipient is recorded yet. */
  recipient: { name: string; kind: string } | null;
  /** Null when no funding source is named. */
  source: string | null;
  /** Null when the line has none yet. */
  description: string | null;
  /** "2026-01-02 10:00 UTC by Ed" */
  lastChanged: string;
  /** Null until the line is submitted. */
  submitted: string | null;
  /** "Approved" or "Returned" and when, by whom and why; null until the board decides. */
  decided: { label: string; text: string } | null;
}

export function allocationFacts(allocation: StaffAllocationDetail): AllocationFacts {
  const { fiscalYear, lastFiscalYear } = allocation;
  // A multi-year line's whole amount counts in its first year: say so, or the other years' totals would puzzle.
  const multiYear = lastFiscalYear !== null ? ` (one multi-year line; its amount counts in FY${fiscalYear})` : '';
  return {
    fiscalYear: `${formatFiscalYearSpan(fiscalYear, lastFiscalYear)}${multiYear}`,
    amountCents: allocation.amountCents.toString(),
    amount: formatCents(allocation.amountCents),
    spentCents: allocation.spentCents.toString(),
    spent: formatCents(allocation.spentCents),
    recipient: allocation.recipient ? { name: allocation.recipient.name, kind: recipientKindText(allocation.recipient) } : null,
    source: allocation.source?.name ?? null,
    description: allocation.description || null,
    lastChanged: `${allocation.updatedAt}${allocation.updatedBy ? ` by ${allocation.updatedBy}` : ''}`,
    submitted: allocation.submittedAt ? `${allocation.submittedAt} by ${allocation.submittedBy?.name ?? ''}` : null,
    decided: allocation.decidedAt
      ? {
          label: allocation.status === 'approved' ? 'Approved' : 'Returned',
          text: `${allocation.decidedAt} by ${allocation.decidedBy ?? ''}${allocation.decisionReason ? `: “${allocation.decisionReason}”` : ''}`,
        }
      : null,
  };
}

/** Drafts and returned lines may be edited; a submitted or approved line must go back to draft first. */
export function isEditable(status: StaffAllocationDetail['status']): boolean {
  return status === 'draft' || status === 'returned';
}

export function nextStepText(editable: boolean): string {
  return editable
    ? 'Drafts and returned lines can be edited. Submit the line when it is ready for the board.'
    : 'A submitted or approved line cannot be changed: return it to draft first. The reason is kept in its history.';
}
