import 'server-only';
import { notFound } from 'next/navigation';
import { STAFF_YEAR_RULES, chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { can } from '@/lib/auth/authorize';
import { listBoardYears } from '@/lib/data/board-years';
import { openLocalityPage, type LocalityRoute } from './locality-page';

/**
 * The start of the board's pages (the summary, the goals): only the board (reviewers) and the locality's
 * administrators see them — the rule requireGoalScope applies — each for one fiscal year (`?fy=`).
 */
export async function openBoardPage(route: LocalityRoute, page: string) {
  const { actor, locality, query, db } = await openLocalityPage(route, page);
  if (!(can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id))) notFound();
  const years = await listBoardYears(db, locality.id);
  const fiscalYear = chooseFiscalYear(query.fy, years, locality.fyStartMonth, new Date(), STAFF_YEAR_RULES);
  return { locality, query, db, years, fiscalYear, base: `/staff/l/${locality.slug}` };
}
