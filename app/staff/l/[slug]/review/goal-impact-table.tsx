import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import { SimpleTable, TableScroll, type TableColumn } from '@/app/staff/_components/simple-table';
import type { ImpactRow } from '@/lib/views/review-line-view';

const COLUMNS: readonly (string | TableColumn)[] = [
  'Goal',
  'Target',
  { label: 'Now', className: 'th--end' },
  { label: 'If approved', className: 'th--end' },
  'Change',
  'Status now',
  'Status if approved',
];

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
      <TableScroll label={`Goals now and if “${program}” is approved`}>
        <SimpleTable className="data-table impact-table" testId="impact-table" caption={<>Each goal now and if “{program}” is approved</>} columns={COLUMNS}>
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
        </SimpleTable>
      </TableScroll>
    </>
  );
}
