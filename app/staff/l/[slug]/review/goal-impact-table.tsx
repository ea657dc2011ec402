import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import type { ImpactRow } from '@/lib/views/review-line-view';

/**
 * How every equity goal would move if the line were approved: one sentence a goal, then the same goals as a table
 * (now, if approved, the direction as an arrow and a word, and the status before and after).
 */
export function GoalImpactTable({ rows, program }: { rows: readonly ImpactRow[]; program: string }) {
  return (
    <>
      <ul className="impact-sentences" data-testid="impact-sentences">
        {rows.map((row) => (
          <li key={row.goalId} data-goal-id={row.goalId} data-direction={row.direction}>
            <span aria-hidden="true" className="impact-arrow">
              {row.arrow}
            </span>{' '}
            {row.sentence}
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-label={`Goals now and if “${program}” is approved`} tabIndex={0}>
        <table className="data-table impact-table" data-testid="impact-table">
          <caption>Each goal now and if “{program}” is approved</caption>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">Target</th>
              <th scope="col" className="th--end">
                Now
              </th>
              <th scope="col" className="th--end">
                If approved
              </th>
              <th scope="col">Change</th>
              <th scope="col">Status now</th>
              <th scope="col">Status if approved</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.goalId} data-goal-id={row.goalId}>
                <th scope="row">{row.title}</th>
                <td className="impact-target">{row.target}</td>
                <td className="cell--number" data-column="before" data-value={row.before.value}>
                  {row.before.text}
                </td>
                <td className="cell--number" data-column="after" data-value={row.after.value}>
                  {row.after.text}
                </td>
                <td data-column="direction">
                  <span aria-hidden="true">{row.arrow}</span> {row.directionWord}
                </td>
                <td>
                  <GoalStatusBadge status={row.before.status} />
                </td>
                <td>
                  <GoalStatusBadge status={row.after.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
