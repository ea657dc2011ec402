import Link from 'next/link';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import type { BoardDecision } from '@/lib/data/board-decisions';
import { boardDecisionRows, decisionsCountText } from '@/lib/views/board-summary-view';

const DECISION_COLUMNS: ColumnSpec[] = [
  { id: 'at', header: 'When', kind: 'text' },
  { id: 'program', header: 'Line', kind: 'link', hrefKey: 'href' },
  { id: 'amount', header: 'Amount', kind: 'money' },
  { id: 'decision', header: 'Decision', kind: 'status', toneKey: 'tone' },
  { id: 'reason', header: 'Reason', kind: 'text', sortable: false, emptyText: 'No reason given' },
  { id: 'by', header: 'Decided by', kind: 'text' },
];

/** The board's approvals and returns on the year's lines, from the audit log, with who decided by name (staff only). */
export function BoardDecisionsSection({
  decisions,
  fiscalYear,
  base,
  slug,
}: {
  decisions: readonly BoardDecision[];
  fiscalYear: number;
  base: string;
  slug: string;
}) {
  return (
    <section aria-labelledby="board-decisions-heading" className="section board-section">
      <h2 id="board-decisions-heading">Decisions taken</h2>
      <p>{decisionsCountText(decisions, fiscalYear)}</p>
      <p className="no-print">
        The public sees every decision and its reason, with who decided by role, on the locality&apos;s{' '}
        <Link href={`/l/${slug}/decisions?fy=${fiscalYear}`}>public decisions page</Link>.
      </p>
      <DataTable
        caption={`Decisions on FY${fiscalYear} lines`}
        columns={DECISION_COLUMNS}
        rows={boardDecisionRows(decisions, base)}
        testId="board-decisions"
        emptyMessage="No decisions yet."
      />
    </section>
  );
}
