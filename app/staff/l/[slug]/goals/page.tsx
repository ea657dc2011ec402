import type { Metadata } from 'next';
import Link from 'next/link';
import { yearsForNav } from '@/lib/fiscal-year/choose-fiscal-year';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { loadGoalsPage } from '@/lib/data/board-goals';
import { openBoardPage } from '../_lib/board-page';
import { goalsCountText, newGoalValues, savedGoal } from '@/lib/views/goals-view';
import { saveGoalAction } from './actions';
import { GoalCard } from './goal-card';
import { GoalForm } from './goal-form';
import { SuggestedGoals } from './suggested-goals';

export const metadata: Metadata = { title: 'Equity goals' };

export default async function GoalsPage(route: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { locality, query, db, years, fiscalYear, base } = await openBoardPage(route, 'goals');
  const data = await loadGoalsPage(db, locality.id, fiscalYear);
  const listHref = `${base}/goals?fy=${fiscalYear}`;
  const saved = savedGoal(query.saved, data.goals);

  return (
    <>
      <div className="page-header">
        <h1>Equity goals for FY{fiscalYear}</h1>
        <p className="lede">
          What {locality.name} commits to in public, computed from the approved lines. Each goal’s reason is shown on the
          public page beside it. Start from the suggested goals, then adjust the targets.
        </p>
      </div>
      <FiscalYearNav years={yearsForNav(years, fiscalYear, locality.fyStartMonth)} current={fiscalYear} basePath={`${base}/goals`} />
      {saved ? <StatusNotice testId="goal-saved">Saved: {saved.title}.</StatusNotice> : null}
      {query.deleted === '1' ? <StatusNotice testId="goal-deleted">The goal was deleted. It stays in the history.</StatusNotice> : null}
      <p className="no-print">
        <Link href={`${base}/board?fy=${fiscalYear}`}>Board summary with the charts</Link> ·{' '}
        <Link href={`${base}/context?fy=${fiscalYear}`}>Residents, deaths and people served</Link>
      </p>

      <section aria-labelledby="goals-heading" className="section">
        <h2 id="goals-heading">Goals</h2>
        <p data-testid="goals-count">{goalsCountText(data.goals, fiscalYear)}</p>
        <ul className="goal-cards" data-testid="goals-list">
          {data.goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} slug={locality.slug} localityId={locality.id} fiscalYear={fiscalYear} subjects={data.subjects} listHref={listHref} />
          ))}
        </ul>
      </section>

      <SuggestedGoals suggestions={data.suggestions} slug={locality.slug} localityId={locality.id} />

      <section aria-labelledby="new-goal-heading" className="section">
        <h2 id="new-goal-heading">Add another goal</h2>
        <GoalForm
          action={saveGoalAction}
          slug={locality.slug}
          localityId={locality.id}
          idPrefix="goal-new"
          initialValues={newGoalValues(fiscalYear)}
          subjects={data.subjects}
          submitLabel="Add goal"
          listHref={listHref}
        />
      </section>
    </>
  );
}
