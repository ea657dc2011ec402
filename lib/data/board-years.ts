/**
 * The fiscal years the board's pages (summary, goals) offer: every year with money in it, and every year a goal
 * could be measured in (context data, people served) even before any money — a board sets goals ahead of the year.
 */
import type { Executor } from '@/db/client';
import { listEquityYears } from '@/lib/equity/trend';
import { listFiscalYears } from './localities';

/** Each year once, in no promised order: chooseFiscalYear and yearsForNav do not need one. */
export async function listBoardYears(executor: Executor, localityId: number): Promise<number[]> {
  const moneyYears = await listFiscalYears(executor, localityId);
  const equityYears = await listEquityYears(executor, localityId);
  return [...new Set([...moneyYears, ...equityYears])];
}
