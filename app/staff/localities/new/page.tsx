import type { Metadata } from 'next';
import Link from 'next/link';
import { stateByCode } from '@/lib/localities/us-states';
import { LOCALITY_KIND_NOUN, LOCALITY_KINDS, type LocalityKind } from '@/lib/services/localities/input';
import { Options } from '@/app/_components/forms/bound-fields';
import { FieldBox } from '@/app/_components/forms/field';
import { FormAlert } from '@/app/_components/forms/form-parts';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { FormPage } from '../../_components/form-page';
import { countyOptions, kindOptions, LOCALITIES_TRAIL, monthOptions, requireSiteAdminPage, stateOptions } from '../_lib/form-options';
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
    <FormPage breadcrumbs={<Breadcrumbs trail={LOCALITIES_TRAIL} here="Add" />} title="Add a locality">
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
          {params.state !== undefined && params.kind !== undefined ? <FormAlert>Choose a state and a kind from the lists.</FormAlert> : null}
          <FieldBox id="step-state" label="State">
            <select id="step-state" name="state" defaultValue={state?.code ?? ''} required>
              <Options options={stateOptions()} empty="Choose…" />
            </select>
          </FieldBox>
          <FieldBox id="step-kind" label="Kind" hint="Counties are chosen from the US Census list in the next step; cities and towns are typed.">
            <select id="step-kind" name="kind" defaultValue={kind ?? 'county'} aria-describedby="step-kind-hint">
              <Options options={kindOptions()} />
            </select>
          </FieldBox>
          <button type="submit" className="button">
            Continue
          </button>
        </form>
      )}
    </FormPage>
  );
}
