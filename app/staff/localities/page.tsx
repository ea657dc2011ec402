import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { listAllLocalities } from '@/lib/data/staff-localities';
import { LOCALITY_KIND_NOUN } from '@/lib/services/localities/input';
import { WorkspaceIntro } from '../_components/breadcrumbs';
import { StatusNotice } from '../_components/list-page';
import { ACTIONS_COLUMN, SimpleTable, TableScroll } from '../_components/simple-table';
import { requireSiteAdminPage } from './_lib/form-options';

export const metadata: Metadata = { title: 'Localities' };

export default async function LocalitiesPage({ searchParams }: { searchParams: Promise<{ created?: string; saved?: string }> }) {
  await requireSiteAdminPage('/staff/localities');
  const [{ created, saved }, localities] = await Promise.all([searchParams, listAllLocalities(await getDb())]);
  const done = localities.find((locality) => locality.slug === (created ?? saved));
  return (
    <>
      <WorkspaceIntro
        here="Localities"
        title="Localities"
        lede="The counties, cities, towns and states that report in Abate. Add one, then give its people their roles."
      />
      {done ? (
        <StatusNotice testId="locality-saved">
          {created ? 'Added' : 'Saved'} {done.name}. Its public page is <Link href={`/l/${done.slug}`}>/l/{done.slug}</Link>
          {created ? (
            <>
              ; next, <Link href="/staff/users">give its people their roles</Link>.
            </>
          ) : (
            '.'
          )}
        </StatusNotice>
      ) : null}
      <p>
        <Link href="/staff/localities/new" className="button">
          Add a locality
        </Link>
      </p>
      <TableScroll label="Localities">
        <SimpleTable className="data-table" testId="localities" caption="Every locality" captionHidden columns={['Name', 'State', 'Kind', 'FIPS', 'Slug', ACTIONS_COLUMN]}>
          {localities.map((locality) => (
            <tr key={locality.id}>
              <td>
                {locality.name}
                {/* The demo's names already say "(demo)"; a renamed demo locality still gets the mark. */}
                {locality.isDemo && !/\(demo\)/i.test(locality.name) ? <span className="muted"> (demo)</span> : null}
              </td>
              <td>{locality.stateCode}</td>
              <td>{LOCALITY_KIND_NOUN[locality.kind]}</td>
              <td>{locality.fips ?? '—'}</td>
              <td>
                <Link href={`/l/${locality.slug}`}>{locality.slug}</Link>
              </td>
              <td>
                <Link href={`/staff/localities/${locality.slug}/edit`} aria-label={`Edit ${locality.name}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </SimpleTable>
      </TableScroll>
    </>
  );
}
