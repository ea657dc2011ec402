import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { listAllLocalities } from '@/lib/data/staff-localities';
import { LOCALITY_KIND_NOUN } from '@/lib/services/locality-input';
import { requireSiteAdminPage } from './_lib/form-options';

export const metadata: Metadata = { title: 'Localities' };

export default async function LocalitiesPage({ searchParams }: { searchParams: Promise<{ created?: string; saved?: string }> }) {
  await requireSiteAdminPage('/staff/localities');
  const [{ created, saved }, localities] = await Promise.all([searchParams, listAllLocalities(await getDb())]);
  const done = localities.find((locality) => locality.slug === (created ?? saved));
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / <span>Localities</span>
      </p>
      <h1>Localities</h1>
      <p className="lede">The counties, cities, towns and states that report in Abate. Add one, then give its people their roles.</p>
      {done ? (
        <p className="notice" role="status" data-testid="locality-saved">
          {created ? 'Added' : 'Saved'} {done.name}. Its public page is <Link href={`/l/${done.slug}`}>/l/{done.slug}</Link>
          {created ? (
            <>
              ; next, <Link href="/staff/users">give its people their roles</Link>.
            </>
          ) : (
            '.'
          )}
        </p>
      ) : null}
      <p>
        <Link href="/staff/localities/new" className="button">
          Add a locality
        </Link>
      </p>
      <div className="table-scroll" role="region" aria-label="Localities" tabIndex={0}>
        <table className="data-table" data-testid="localities">
          <caption className="visually-hidden">Every locality</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col">Kind</th>
              <th scope="col">FIPS</th>
              <th scope="col">Slug</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </>
  );
}
