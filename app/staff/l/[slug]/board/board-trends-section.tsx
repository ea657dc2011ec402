import { GoalTrend } from '@/app/_components/equity/goal-trend';
import type { BoardSummary } from '@/lib/data/board-summary';
import { boardTrendItems } from '@/lib/views/board-summary-view';

/** Each goal's actual over the years and this year's quarters, one chart a goal. */
export function BoardTrendsSection({ summary, fiscalYear }: { summary: BoardSummary; fiscalYear: number }) {
  return (
    <section aria-labelledby="board-trends-heading" className="section board-section">
      <h2 id="board-trends-heading">Each goal over time</h2>
      {summary.goals.length === 0 ? <p className="muted">No goals to follow.</p> : null}
      {boardTrendItems(summary.goals, summary.trends, summary.subjectLabels).map(({ goal, trend, title }) => (
        <div key={goal.id} className="board-trend">
          <h3>{title}</h3>
          <GoalTrend
            title={title}
            unit={trend.unit}
            comparator={goal.comparator}
            target={goal.target}
            years={trend.years}
            quarters={trend.quarters}
            quarterNote={trend.quarterNote}
            fiscalYear={fiscalYear}
            testId={`goal-trend-${goal.id}`}
          />
        </div>
      ))}
    </section>
  );
}
