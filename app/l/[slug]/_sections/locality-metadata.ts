import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { searchString } from '@/app/_components/search-params';
import { languageMetadata } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import type { LocalityPageProps } from '../_lib/load-locality';

/**
 * The metadata of a locality's sub-page (`/l/{slug}/{page}`) in the reader's language: the title "{what}: {locality}"
 * from `{namespace}.metaTitle`, or "Locality not found", and the hreflang addresses of the page in each language.
 */
export async function localitySubpageMetadata(
  props: LocalityPageProps,
  namespace: string,
  page: string,
): Promise<Metadata> {
  await connection();
  const { slug } = await props.params;
  const [locality, t, tLocality] = await Promise.all([
    publicReads.locality(await getDb(), slug),
    getTranslations(namespace),
    getTranslations('LocalityPages'),
  ]);
  if (!locality) return { title: tLocality('notFound') };
  return { title: t('metaTitle', { locality: locality.name }), ...languageMetadata(`/l/${locality.slug}/${page}`, searchString(await props.searchParams)) };
}
