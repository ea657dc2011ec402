import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import type { GoalRow, SubjectOptions } from '@/lib/data/board-goals';
import { goalCardWords } from '@/lib/views/goals-view';
import { deleteGoalAction, saveGoalAction } from './actions';
import { DeleteGoalForm } from './goal-actions';
import { GoalForm } from './goal-form';

/** One goal of the year: its status, actual and target, thresholds, reason, and its edit and delete forms folded away. */
export function GoalCard({
  goal,
  slug,
  localityId,
  fiscalYear,
  subjects,
  listHref,
}: {
  goal: GoalRow;
  slug: string;
  localityId: number;
  fiscalYear: number;
  subjects: SubjectOptions;
  listHref: string;
}) {
  const words = goalCardWords(goal);
  return (
    <li className="goal-card" data-testid="goal-card" data-goal-id={goal.id} data-status={goal.status}>
      <h3>{goal.title}</h3>
      <p className="goal-card__values">
        <GoalStatusBadge status={goal.status} />
        <span>
          Actual <strong data-testid="goal-actual">{words.actual}</strong>
        </span>
        <span>Target {words.target}</span>
      </p>
      <p className="muted">{words.note}</p>
      <p className="goal-card__reason">{goal.values.reason}</p>
      <details className="goal-card__edit">
        <summary>
          Edit<span className="visually-hidden"> {goal.title}</span>
        </summary>
        <GoalForm
          key={goal.version}
          action={saveGoalAction}
          slug={slug}
          localityId={localityId}
          idPrefix={`goal-${goal.id}`}
          goalId={goal.id}
          version={goal.version}
          initialValues={goal.values}
          subjects={subjects}
          submitLabel="Save changes"
          listHref={listHref}
        />
      </details>
      <details className="danger-zone">
        <summary>
          Delete<span className="visually-hidden"> {goal.title}</span>
        </summary>
        <DeleteGoalForm action={deleteGoalAction} slug={slug} id={goal.id} version={goal.version} fiscalYear={String(fiscalYear)} title={goal.title} />
      </details>
    </li>
  );
}
