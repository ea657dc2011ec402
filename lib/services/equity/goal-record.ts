/** Reading a goal and the conflict a stale save or delete of it gets (shared by the goal verbs). */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { equityGoals } from '@/db/schema';
import type { EquityGoal } from '@/lib/equity/types';
import { conflictOf, type RecordKind } from '../record-kind';
import { goalFormValues } from './input';

export async function readEquityGoal(executor: Executor, id: number): Promise<EquityGoal | null> {
  const [row] = await executor.select().from(equityGoals).where(eq(equityGoals.id, id));
  return row ?? null;
}

export const goalRecord: RecordKind<EquityGoal, typeof equityGoals> = {
  table: equityGoals,
  entity: 'equity_goal',
  label: 'That goal',
  read: readEquityGoal,
  formValues: goalFormValues,
};

export function goalConflict(executor: Executor, goal: EquityGoal) {
  return conflictOf(executor, goalRecord, goal);
}
