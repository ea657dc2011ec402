import type { ExpectedPaymentRevision, ReconciliationRow } from '@/lib/data/reconciliation';
import { RECONCILIATION_STATUS_LABELS } from '@/lib/data/reconciliation';
import { formatCents } from '@/lib/money';

/** The reconciliation and revision history as the staff page shows them: text only, shaped here so it is tested. */

export interface ReconciliationTableRow {
  key: string;
  settlement: string;
  paymentYear: string;
  expected: string;
  received: string;
  difference: string;
  status: string;
  overdue: boolean;
  expectedOn: string;
  estimate: string;
}

const NONE = '—';

/** "+$0.01" / "-$1,500.00" / "$0.00": a difference says which way it goes. */
export function signedCents(cents: bigint): string {
  return cents > 0n ? `+${formatCents(cents)}` : formatCents(cents);
}

export function reconciliationTableRows(rows: readonly ReconciliationRow[]): ReconciliationTableRow[] {
  return rows.map((row) => ({
    key: `${row.sourceKey}:${row.paymentYear}`,
    settlement: row.sourceName,
    paymentYear: String(row.paymentYear),
    expected: row.expectedCents === null ? NONE : formatCents(row.expectedCents),
    received: formatCents(row.receivedCents),
    difference: row.differenceCents === null ? NONE : signedCents(row.differenceCents),
    status: RECONCILIATION_STATUS_LABELS[row.status],
    overdue: row.status === 'overdue',
    expectedOn: row.expectedOn ?? NONE,
    estimate: row.estimate === null ? NONE : `${row.estimate.source} (estimated ${row.estimate.estimatedOn})`,
  }));
}

export interface RevisionGroup {
  key: string;
  title: string;
  revisions: {
    id: number;
    amount: string;
    expectedOn: string;
    estimatedOn: string;
    source: string;
    recordedBy: string;
    current: boolean;
  }[];
}

/** One group per settlement and payment year, newest revision first (the order the query returns). */
export function revisionGroups(revisions: readonly ExpectedPaymentRevision[]): RevisionGroup[] {
  const groups = new Map<string, RevisionGroup>();
  for (const revision of revisions) {
    const key = `${revision.sourceKey}:${revision.paymentYear}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title: `${revision.sourceName}, payment year ${revision.paymentYear}`, revisions: [] }));
    group.revisions.push({
      id: revision.id,
      amount: formatCents(revision.amountCents),
      expectedOn: revision.expectedOn ?? NONE,
      estimatedOn: revision.estimatedOn,
      source: revision.estimateSource,
      recordedBy: revision.recordedBy ?? 'command-line import',
      current: revision.current,
    });
  }
  return [...groups.values()];
}

/** "1 payment overdue" / "3 payments overdue", for the staff overview. */
export function overdueNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? 'payment' : 'payments'} overdue`;
}
