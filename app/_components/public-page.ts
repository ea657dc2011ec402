// The request of a public page that is not about one locality (home, compare, categories): its metadata and what it
// reads first. Server only.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { languageMetadata, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { searchString, type SearchParams } from './search-params';

export interface PublicPageProps {
  searchParams: Promise<SearchParams>;
}

/** The page's title (`{namespace}.{key}`) in the reader's language, and the same page in every language (hreflang). */
export async function publicPageMetadata({ searchParams }: PublicPageProps, path: string, namespace: string, key = 'metaTitle'): Promise<Metadata> {
  const t = await getTranslations(namespace);
  return { title: t(key), ...languageMetadata(path, searchString(await searchParams)) };
}

/**
 * A page about every locality in a year, read per request: the database, the query, the words for view functions
 * (their `locale` is the page's language), the years with counted data and the year shown (`?fy=`, else the latest).
 */
export async function openPublicYearPage({ searchParams }: PublicPageProps) {
  await connection();
  const db = await getDb();
  const query = await searchParams;
  const words = await viewWords();
  const years = await publicReads.fiscalYears(db);
  return { db, query, words, locale: words.locale, years, fiscalYear: chooseFiscalYear(query.fy, years) };
}
