import type { FilterSpec, ServerColumnSpec } from '@/app/_components/server-data-table';
import type { CategoryOption } from '@/lib/data/staff-form-options';
import { ALLOCATION_STATUSES, POSTING_FILTERS, RECIPIENT_TYPE_LABELS, STATUS_LABELS } from '@/lib/data/staff-list-query';
import { formatPercentFromBasisPoints } from '@/lib/money';
import { POSTING_LABELS } from '@/lib/views/bulk-view';

/** The filters the staff lists share (their URL parameters are read by lib/data/staff-list-query.ts). */

export function fiscalYearFilter(years: readonly number[], label = 'Fiscal year'): FilterSpec {
  return { param: 'fy', label, allLabel: 'All years', options: years.map((fy) => ({ value: String(fy), label: `FY${fy}` })) };
}

export function allocationStatusFilter(label = 'Status'): FilterSpec {
  return { param: 'status', label, allLabel: 'All statuses', options: ALLOCATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) };
}

export function categoryFilter(categories: readonly CategoryOption[]): FilterSpec {
  return {
    param: 'category',
    label: 'Category',
    allLabel: 'All categories',
    options: categories.map((c) => ({ value: String(c.id), label: c.label, group: `${c.frameworkName} — ${c.group}` })),
  };
}

export function recipientTypeFilter(): FilterSpec {
  return {
    param: 'rtype',
    label: 'Recipient type',
    allLabel: 'All types',
    options: Object.entries(RECIPIENT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
  };
}

/** Receipts and payments: drafts (seen only here) or posted (counted on the public pages). */
export function postingFilter(): FilterSpec {
  return { param: 'posting', label: 'Posted', allLabel: 'Drafts and posted', options: POSTING_FILTERS.map((p) => ({ value: p, label: POSTING_LABELS[p] })) };
}

/** A recipient's type as the lists show it ("Community-based organization"); an unknown key as it is. */
export function recipientTypeLabel(type: string | null): string | null {
  return type ? (RECIPIENT_TYPE_LABELS[type] ?? type) : null;
}

/** A line's categories with their shares: "Treatment 60%; Housing 40%". */
export function categorySharesText(categories: readonly { label: string; shareBasisPoints: number }[]): string {
  return categories.map((c) => `${c.label} ${formatPercentFromBasisPoints(c.shareBasisPoints)}`).join('; ');
}

/** The columns the staff lists share: the fiscal year, when a row last changed. */
export const FISCAL_YEAR_COLUMN: ServerColumnSpec = { id: 'fiscalYear', header: 'Fiscal year', kind: 'text' };
export const LAST_CHANGED_COLUMN: ServerColumnSpec = { id: 'updatedAt', header: 'Last changed (UTC)', kind: 'text', hiddenByDefault: true };
export const RECIPIENT_TYPE_COLUMN: ServerColumnSpec = { id: 'recipientType', header: 'Recipient type', kind: 'text', sortable: false, hiddenByDefault: true };
