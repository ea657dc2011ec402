import type { Metadata } from 'next';
import Link from 'next/link';
import { STAFF_YEAR_RULES, chooseFiscalYear, yearsForNav } from '@/lib/fiscal-year/choose-fiscal-year';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { can } from '@/lib/auth/authorize';
import { readLocalityContext } from '@/lib/data/board-context';
import { listFiscalYears } from '@/lib/data/localities';
import { STATUS_LABELS } from '@/lib/data/staff-list-query';
import { listEquityYears } from '@/lib/equity/trend';
import { formatCents } from '@/lib/money';
import { importContextAction, saveBreakdownAction, saveContextTotalsAction, savePeopleServedAction } from './actions';
import { BreakdownForm, ContextImportForm, ContextTotalsForm, PeopleServedForm } from './context-forms';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Residents, deaths and people served' };

const SAVED_WORDS: Readonly<Record<string, string>> = {
  totals: 'Residents and overdose deaths saved.',
  race: 'The table by race/ethnicity was saved.',
  area: 'The table by area was saved.',
  import: 'The file was imported: every row was saved.',
};

export default async function ContextPage(route: LocalityRoute) {
  const { actor, locality, query, db } = await openLocalityPage(route, 'context', 'money.write');
  const years = [...new Set([...(await listFiscalYears(db, locality.id)), ...(await listEquityYears(db, locality.id))])];
  const fiscalYear = chooseFiscalYear(query.fy, years, locality.fyStartMonth, new Date(), STAFF_YEAR_RULES);
  const context = await readLocalityContext(db, locality.id, fiscalYear);
  const base = `/staff/l/${locality.slug}`;
  const savedKey = typeof query.saved === 'string' ? query.saved : '';
  const saved = SAVED_WORDS[savedKey] ?? (savedKey.startsWith('served-') ? 'People served were saved.' : null);
  const mayGoals = can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id);
  const common = { slug: locality.slug, localityId: locality.id, fiscalYear };

  return (
    <>
      <div className="page-header">
        <h1>Residents, deaths and people served, FY{fiscalYear}</h1>
        <p className="lede">
          What {locality.name}’s spending is measured against: residents and overdose deaths from the health department,
          in all, by race/ethnicity and by area, and the people each program served. Counts from 1 to 10 are entered
          here as they are; the public pages show them as “fewer than 11”.
        </p>
      </div>
      <FiscalYearNav years={yearsForNav(years, fiscalYear, locality.fyStartMonth)} current={fiscalYear} basePath={`${base}/context`} />
      {saved ? <StatusNotice testId="context-saved">{saved}</StatusNotice> : null}
      {mayGoals ? (
        <p className="no-print">
          <Link href={`${base}/goals?fy=${fiscalYear}`}>Goals for FY{fiscalYear}</Link>
        </p>
      ) : null}

      <section aria-labelledby="totals" className="section">
        <h2 id="totals">In all</h2>
        <p className="muted">
          {context.totals.updatedAt ? `Last saved ${context.totals.updatedAt}.` : `Nothing entered for FY${fiscalYear} yet.`} Leave a
          count empty when it is not known yet: the goals that need it then say so instead of showing a number.
        </p>
        <ContextTotalsForm
          key={`${context.totals.updatedAt ?? 'new'}`}
          action={saveContextTotalsAction}
          {...common}
          initial={{ population: context.totals.population, overdoseDeaths: context.totals.overdoseDeaths, source: context.totals.source }}
        />
      </section>

      <section aria-labelledby="race" className="section">
        <h2 id="race">By race/ethnicity</h2>
        <BreakdownForm
          key={JSON.stringify(context.raceEthnicity)}
          action={saveBreakdownAction}
          {...common}
          dimension="race_ethnicity"
          caption={`Residents and overdose deaths by race/ethnicity, FY${fiscalYear}`}
          keyHint='Keys are short and lowercase, like "black" or "hispanic"; people served are entered under the same keys.'
          initialRows={context.raceEthnicity}
        />
      </section>

      <section aria-labelledby="area" className="section">
        <h2 id="area">By area</h2>
        <BreakdownForm
          key={JSON.stringify(context.areas)}
          action={saveBreakdownAction}
          {...common}
          dimension="area"
          caption={`Residents and overdose deaths by area, FY${fiscalYear}`}
          keyHint='Areas are zip codes or districts, with keys like "district-3" or "98101".'
          initialRows={context.areas}
        />
      </section>

      <section aria-labelledby="served" className="section">
        <h2 id="served">People served by each program</h2>
        <p className="muted">
          By race/ethnicity, from each program’s own records. Only approved programs count in the equity goals; leave a
          group empty when it is not known.
        </p>
        {context.raceGroups.length === 0 ? (
          <p className="notice">Enter the race/ethnicity table first: people served are counted in the same groups.</p>
        ) : context.programs.length === 0 ? (
          <p className="muted">No allocations for FY{fiscalYear} yet.</p>
        ) : (
          <ul className="served-list">
            {context.programs.map((program) => (
              <li key={program.allocationId} id={`served-${program.allocationId}`} className="served-item">
                <h3>
                  <Link href={`${base}/allocations/${program.allocationId}`}>{program.program}</Link>{' '}
                  <span className="muted">
                    ({STATUS_LABELS[program.status]}, {formatCents(program.amountCents)})
                  </span>
                </h3>
                <PeopleServedForm
                  key={JSON.stringify(program.served)}
                  action={savePeopleServedAction}
                  slug={locality.slug}
                  allocationId={program.allocationId}
                  fiscalYear={fiscalYear}
                  program={program.program}
                  groups={context.raceGroups}
                  initial={program.served}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="import" className="section">
        <h2 id="import">Import from a file</h2>
        <p>
          The health department’s table as CSV or Excel, one row per group: <code>dimension</code> (race_ethnicity or
          area), <code>group_key</code>, <code>group_label</code>, <code>population</code>, <code>overdose_deaths</code>.
        </p>
        <ContextImportForm action={importContextAction} {...common} />
      </section>
    </>
  );
}
