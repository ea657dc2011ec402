'use client';

/**
 * The locality page's equity section, kept short: each goal in one row (actual, target, status in words) and one
 * sentence about the flags. The equity page draws the goals against their targets and holds why each matters, the
 * flags, reach and deaths by area. A client component with no hooks of its own, given words ready to show, so its
 * props travel in the flight data and not its rendered tree a second time (ADR 0014).
 */
import Link from 'next/link';
import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import type { GoalSummaryRow } from '@/lib/views/equity-summary-view';

export function EquitySummary({
  fiscalYear,
  slug,
  goalsSentence,
  flagsSentence,
  goals,
}: {
  fiscalYear: number;
  slug: string;
  /** "5 of 8 goals met, 2 close, 1 missed." */
  goalsSentence: string;
  flagsSentence: string;
  goals: GoalSummaryRow[];
}) {
  return (
    <section aria-labelledby="equity-panel-heading" className="section equity-summary" data-testid="equity-summary">
      <h2 id="equity-panel-heading">Equity goals for FY{fiscalYear}</h2>
      <p>
        {goalsSentence} <span data-testid="equity-flags-sentence">{flagsSentence}</span>
      </p>
      {goals.length > 0 ? (
        <ul className="goal-summary" data-testid="equity-goal-summary">
          {goals.map((goal) => (
            <li key={goal.id} data-goal-id={goal.id}>
              <GoalStatusBadge status={goal.status} /> <strong>{goal.title}</strong>: {goal.actual} (target {goal.target})
            </li>
          ))}
        </ul>
      ) : null}
      <p className="no-print">
        <Link href={`/l/${slug}/equity?fy=${fiscalYear}`} data-testid="equity-page-link">
          Each goal against its target and why it matters, the flags, who the programs reach and where overdose deaths are
        </Link>
      </p>
    </section>
  );
}
