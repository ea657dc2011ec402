import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pickFiscalYear, yearsForNav } from '@/app/_components/equity/fiscal-year';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { loadGoalsPage } from '@/lib/data/board-goals';
import { listBoardYears } from '@/lib/data/board-years';
import { goalsCountText, newGoalValues, savedGoal } from '@/lib/views/goals-view';
import { saveGoalAction } from './actions';
import { GoalCard } from './goal-card';
import { GoalForm } from './goal-form';
import { SuggestedGoals } from './suggested-goals';

export const metadata: Metadata = { title: 'Equity goals' };

export default async function GoalsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/goals`);
  // Goals are set by the board (reviewers) and the locality's administrators — the rule requireGoalScope applies.
  if (!(can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id))) notFound();
  const query = await searchParams;
  const db = await getDb();
  const years = await listBoardYears(db, locality.id);
  const fiscalYear = pickFiscalYear(query.fy, years, locality.fyStartMonth);
  const data = await loadGoalsPage(db, locality.id, fiscalYear);
  const base = `/staff/l/${locality.slug}`;
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
      {saved ? (
        <p className="notice" role="status" data-testid="goal-saved">
          Saved: {saved.title}.
        </p>
      ) : null}
      {query.deleted === '1' ? (
        <p className="notice" role="status" data-testid="goal-deleted">
          The goal was deleted. It stays in the history.
        </p>
      ) : null}
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
