import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { findLocalityBySlug } from '@/lib/data/localities';
import { readLocalitySnapshot } from '@/lib/data/staff-localities';
import { Breadcrumbs } from '../../../_components/breadcrumbs';
import { FormPage } from '../../../_components/form-page';
import { kindOptions, LOCALITIES_TRAIL, monthOptions, requireSiteAdminPage, stateOptions } from '../../_lib/form-options';
import { updateLocalityAction } from '../../actions';
import { LocalityForm } from '../../locality-form';

export const metadata: Metadata = { title: 'Edit a locality' };

export default async function EditLocalityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSiteAdminPage(`/staff/localities/${slug}/edit`);
  const db = await getDb();
  const ref = await findLocalityBySlug(db, slug);
  const locality = ref ? await readLocalitySnapshot(db, ref.id) : null;
  if (!locality) notFound();
  return (
    <FormPage
      breadcrumbs={<Breadcrumbs trail={LOCALITIES_TRAIL} here={locality.name} />}
      title={<>Edit {locality.name}</>}
      lede={
        <>
          Its address stays <Link href={`/l/${locality.slug}`}>/l/{locality.slug}</Link> whatever you change here, so links to its public pages keep
          working.
        </>
      }
      ledeTestId="slug-kept"
    >
      <LocalityForm
        action={updateLocalityAction}
        localityId={locality.id}
        initialValues={{
          name: locality.name,
          stateCode: locality.stateCode,
          kind: locality.kind,
          fips: locality.fips ?? '',
          fyStartMonth: String(locality.fyStartMonth),
          population: locality.population === null ? '' : String(locality.population),
          moneyNeedsApproval: locality.moneyNeedsApproval ? 'on' : '',
        }}
        states={stateOptions(locality.stateCode)}
        kinds={kindOptions(locality.kind)}
        months={monthOptions()}
        fixedStateAndKind={false}
        submitLabel="Save changes"
      />
    </FormPage>
  );
}
