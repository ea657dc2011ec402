import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { SearchParams } from '@/app/_components/search-params';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';

/** What Next passes a page at /l/{slug}/…: the route's slug and the query. */
export interface LocalityPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

/**
 * The database and the locality a page at /l/{slug}/… is about, read per request (never prerendered); Next's
 * not-found page when no locality has that slug.
 */
export async function loadLocality(params: LocalityPageProps['params']) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  return { db, locality };
}
