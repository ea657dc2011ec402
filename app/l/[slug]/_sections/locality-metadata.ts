import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';

/** The <title> of a locality's sub-page: "{what}: {locality}", or "Locality not found". */
export async function localityPageMetadata(params: Promise<{ slug: string }>, what: string): Promise<Metadata> {
  await connection();
  const locality = await publicReads.locality(await getDb(), (await params).slug);
  return { title: locality ? `${what}: ${locality.name}` : 'Locality not found' };
}
