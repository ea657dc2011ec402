import type { Metadata } from 'next';
import Link from 'next/link';
import { stateByCode } from '@/lib/localities/us-states';
import { LOCALITY_KIND_NOUN, LOCALITY_KINDS, type LocalityKind } from '@/lib/services/locality-input';
import { countyOptions, kindOptions, monthOptions, requireSiteAdminPage, stateOptions } from '../_lib/form-options';
import { createLocalityAction } from '../actions';
import { LocalityForm } from '../locality-form';

export const metadata: Metadata = { title: 'Add a locality' };

/**
 * Two steps, so it works without JavaScript: first the state and the kind (a GET form back to this page), then the
 * locality itself — for a county, chosen from the Census list of that state.
 */
export default async function NewLocalityPage({ searchParams }: { searchParams: Promise<{ state?: string; kind?: string }> }) {
  await requireSiteAdminPage('/staff/localities/new');
  const params = await searchParams;
  const state = typeof params.state === 'string' ? stateByCode(params.state) : null;
  const kind = (LOCALITY_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as LocalityKind) : null;
  const chosen = state && kind ? { state, kind } : null;
  return (
    <div className="form-page">
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / <Link href="/staff/localities">Localities</Link> / <span>Add</span>
      </p>
      <h1>Add a locality</h1>
      {chosen ? (
        <>
          <p className="lede">
            A {LOCALITY_KIND_NOUN[chosen.kind]} in {chosen.state.name}.{' '}
            <Link href={`/staff/localities/new?state=${chosen.state.code}`}>Change</Link>
          </p>
          <p className="muted">
            Its address (slug) is made from its name and state, e.g. orange-county-nc, and does not change afterwards.
          </p>
          <LocalityForm
            action={createLocalityAction}
            initialValues={{ name: '', stateCode: chosen.state.code, kind: chosen.kind, fips: '', fyStartMonth: '7', population: '', moneyNeedsApproval: '' }}
            states={stateOptions()}
            kinds={kindOptions()}
            months={monthOptions()}
            counties={chosen.kind === 'county' ? countyOptions(chosen.state.code) : undefined}
            fixedStateAndKind
            submitLabel="Add locality"
          />
        </>
      ) : (
        <form method="get" action="/staff/localities/new" className="form" data-testid="locality-step">
          {params.state !== undefined && params.kind !== undefined ? (
            <p className="form-error" role="alert">
              Choose a state and a kind from the lists.
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="step-state">State</label>
            <select id="step-state" name="state" defaultValue={state?.code ?? ''} required>
              <option value="">Choose…</option>
              {stateOptions().map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="step-kind">Kind</label>
            <p id="step-kind-hint" className="field-hint">
              Counties are chosen from the US Census list in the next step; cities and towns are typed.
            </p>
            <select id="step-kind" name="kind" defaultValue={kind ?? 'county'} aria-describedby="step-kind-hint">
              {kindOptions().map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Continue
          </button>
        </form>
      )}
    </div>
  );
}
