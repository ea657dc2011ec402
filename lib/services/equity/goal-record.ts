/** Reading a goal and the conflict a stale save or delete of it gets (shared by the goal verbs). */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { equityGoals } from '@/db/schema';
import type { EquityGoal } from '@/lib/equity/types';
import { recordConflict } from '../conflict';
import { goalFormValues } from './input';

export async function readEquityGoal(executor: Executor, id: number): Promise<EquityGoal | null> {
  const [row] = await executor.select().from(equityGoals).where(eq(equityGoals.id, id));
  return row ?? null;
}

export function goalConflict(executor: Executor, goal: EquityGoal) {
  return recordConflict(executor, 'equity_goal', goal, goalFormValues(goal));
}
