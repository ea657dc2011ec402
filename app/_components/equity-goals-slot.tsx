// Server-compatible (no 'use client').
//
// SLOT for the equity goals panel (a later issue adds the goals table and computes each goal from the data). Until
// a locality has goals for the year, it renders NOTHING: no heading, no empty box. The locality page already
// passes `goals` (an empty list today); the equity issue only has to fill it in.
import { formatPercentFromBasisPoints } from '@/lib/money';

export interface EquityGoalResult {
  id: string;
  /** "Harm reduction share of spending" */
  label: string;
  /** "at least" | "at most" | "exactly" */
  comparison: 'at least' | 'at most' | 'exactly';
  /** Target and actual as basis points of a share (10000 = 100%); actual null while it cannot be computed yet. */
  targetBasisPoints: number;
  actualBasisPoints: number | null;
  met: boolean | null;
}

export function EquityGoalsPanel({ goals, fiscalYear }: { goals: readonly EquityGoalResult[]; fiscalYear: number }) {
  if (goals.length === 0) return null;
  return (
    <section aria-labelledby="equity-goals-heading" className="section" data-testid="equity-goals">
      <h2 id="equity-goals-heading">Equity goals for FY{fiscalYear}</h2>
      <ul className="goal-list">
        {goals.map((goal) => (
          <li key={goal.id}>
            <strong>{goal.label}</strong>: target {goal.comparison} {formatPercentFromBasisPoints(goal.targetBasisPoints)},
            actual {goal.actualBasisPoints === null ? 'not enough data yet' : formatPercentFromBasisPoints(goal.actualBasisPoints)}
            {goal.met === null ? '' : goal.met ? ' — met' : ' — not met'}.
          </li>
        ))}
      </ul>
    </section>
  );
}
