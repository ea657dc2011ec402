import Link from 'next/link';
import { GoalBullets } from '@/app/_components/equity/goal-bullets';
import type { BoardSummary } from '@/lib/data/board-summary';
import { goalsCountSentence } from '@/lib/data/board-words';
import { boardGoalLists, type BoardGoalItem } from '@/lib/views/board-summary-view';

/** The board summary's goals: how many are met, the met and the missed ones by name, and each goal as a bullet chart. */
export function BoardGoalsSection({ summary, fiscalYear, base }: { summary: BoardSummary; fiscalYear: number; base: string }) {
  const lists = boardGoalLists(summary.goals, summary.subjectLabels);
  return (
    <section aria-labelledby="board-goals-heading" className="section board-section">
      <h2 id="board-goals-heading">Goals met and missed</h2>
      <p data-testid="board-goals-count">
        {summary.goals.length === 0 ? (
          <>
            No equity goals are set for FY{fiscalYear}. <Link href={`${base}/goals?fy=${fiscalYear}`}>Set goals</Link>
          </>
        ) : (
          goalsCountSentence(summary.goals.map((goal) => goal.status))
        )}
      </p>
      {summary.goals.length > 0 ? (
        <div className="board-goal-lists">
          <GoalList heading="Met" items={lists.met} testId="board-goals-met" />
          <GoalList heading="Missed or close" items={lists.notMet} testId="board-goals-missed" />
        </div>
      ) : null}
      <GoalBullets goals={summary.goals} fiscalYear={fiscalYear} labels={summary.subjectLabels} idPrefix="board-goals" testId="board-goal-bullets" />
    </section>
  );
}

function GoalList({ heading, items, testId }: { heading: string; items: readonly BoardGoalItem[]; testId: string }) {
  return (
    <div>
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid={testId}>
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
