import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pickFiscalYear, yearsForNav } from '@/app/_components/equity/fiscal-year';
import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { SearchParams } from '@/app/_components/search-params';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { getDb } from '@/db/runtime';
import { can } from '@/lib/auth/authorize';
import { loadGoalsPage } from '@/lib/data/board-goals';
import { describeTarget, formatGoalValue, goalsCountSentence } from '@/lib/data/board-words';
import { listFiscalYears } from '@/lib/data/localities';
import { listEquityYears } from '@/lib/equity/trend';
import { deleteGoalAction, saveGoalAction } from './actions';
import { AddSuggestedGoal, DeleteGoalForm } from './goal-actions';
import { GoalForm } from './goal-form';

export const metadata: Metadata = { title: 'Equity goals' };

export default async function GoalsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}/goals`);
  // Goals are set by the board (reviewers) and the locality's administrators — the rule requireGoalScope applies.
  if (!(can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id))) notFound();
  const query = await searchParams;
  const db = await getDb();
  const years = [...new Set([...(await listFiscalYears(db, locality.id)), ...(await listEquityYears(db, locality.id))])];
  const fiscalYear = pickFiscalYear(query.fy, years, locality.fyStartMonth);
  const data = await loadGoalsPage(db, locality.id, fiscalYear);
  const base = `/staff/l/${locality.slug}`;
  const listHref = `${base}/goals?fy=${fiscalYear}`;
  const saved = typeof query.saved === 'string' && /^\d{1,10}$/.test(query.saved) ? data.goals.find((g) => g.id === Number(query.saved)) : undefined;

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
        <p data-testid="goals-count">{data.goals.length === 0 ? `No goals are set for FY${fiscalYear} yet.` : goalsCountSentence(data.goals.map((g) => g.status))}</p>
        <ul className="goal-cards" data-testid="goals-list">
          {data.goals.map((goal) => (
            <li key={goal.id} className="goal-card" data-testid="goal-card" data-goal-id={goal.id} data-status={goal.status}>
              <h3>{goal.title}</h3>
              <p className="goal-card__values">
                <GoalStatusBadge status={goal.status} />
                <span>
                  Actual <strong data-testid="goal-actual">{formatGoalValue(goal.actual, goal.unit)}</strong>
                </span>
                <span>Target {describeTarget(goal.values.comparator, goal.target, goal.unit)}</span>
              </p>
              <p className="muted">
                {goal.thresholds.green}; {goal.thresholds.amber}.{goal.missing.length > 0 ? ` Missing: ${goal.missing.join('; ')}.` : ''}
              </p>
              <p className="goal-card__reason">{goal.values.reason}</p>
              <details className="goal-card__edit">
                <summary>
                  Edit<span className="visually-hidden"> {goal.title}</span>
                </summary>
                <GoalForm
                  key={goal.version}
                  action={saveGoalAction}
                  slug={locality.slug}
                  localityId={locality.id}
                  idPrefix={`goal-${goal.id}`}
                  goalId={goal.id}
                  version={goal.version}
                  initialValues={goal.values}
                  subjects={data.subjects}
                  submitLabel="Save changes"
                  listHref={listHref}
                />
              </details>
              <details className="danger-zone">
                <summary>
                  Delete<span className="visually-hidden"> {goal.title}</span>
                </summary>
                <DeleteGoalForm
                  action={deleteGoalAction}
                  slug={locality.slug}
                  id={goal.id}
                  version={goal.version}
                  fiscalYear={String(fiscalYear)}
                  title={goal.title}
                />
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="suggested-heading" className="section">
        <h2 id="suggested-heading">Suggested goals</h2>
        {data.suggestions.length === 0 ? (
          <p className="muted">Every suggested goal is set for this year.</p>
        ) : (
          <>
            <p>From the evidence in Abate’s sources. Add one as it stands, then edit it to fit.</p>
            <ul className="goal-cards" data-testid="suggested-goals">
              {data.suggestions.map((suggestion) => (
                <li key={`${suggestion.values.measure}-${suggestion.values.subject}`} className="goal-card">
                  <h3>{suggestion.title}</h3>
                  <p>
                    Target {suggestion.target}. <span className="muted">{suggestion.thresholds.green}; {suggestion.thresholds.amber}.</span>
                  </p>
                  <p className="goal-card__reason">{suggestion.values.reason}</p>
                  <AddSuggestedGoal action={saveGoalAction} slug={locality.slug} localityId={locality.id} values={suggestion.values} title={suggestion.title} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="new-goal-heading" className="section">
        <h2 id="new-goal-heading">Add another goal</h2>
        <GoalForm
          action={saveGoalAction}
          slug={locality.slug}
          localityId={locality.id}
          idPrefix="goal-new"
          initialValues={{
            fiscalYear: String(fiscalYear),
            measure: 'group_share',
            subject: '',
            frameworkKey: 'health-first',
            basis: 'allocated',
            comparator: 'at_least',
            target: '',
            amberMargin: '0',
            reason: '',
          }}
          subjects={data.subjects}
          submitLabel="Add goal"
          listHref={listHref}
        />
      </section>
    </>
  );
}
