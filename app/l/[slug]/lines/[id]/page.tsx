import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { Breadcrumbs } from '@/app/_components/breadcrumbs';
import { DemoBadge } from '@/app/_components/demo-badge';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { languageMetadata, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { LineAboutSection } from './line-about-section';
import { LineCategoriesSection } from './line-categories-section';
import { LineFlagsSection } from './line-flags-section';
import { LineHistorySection } from './line-history-section';
import { LineMoneySection } from './line-money-section';
import { LineSpendingSection } from './line-spending-section';
import { fiscalYearSpan, parseLineId } from './line-view';

interface PageProps {
  params: Promise<{ slug: string; id: string }>;
}

async function load(slug: string, idText: string) {
  const db = await getDb();
  const locality = await publicReads.locality(db, slug);
  const id = parseLineId(idText);
  if (!locality || id === null) return null;
  const line = await publicReads.line(db, locality.id, id);
  if (!line) return null;
  return { db, locality, line };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const { slug, id } = await params;
  const [found, t] = await Promise.all([load(slug, id), getTranslations('Line')]);
  if (!found) return { title: t('notFound') };
  return {
    title: `${found.line.program} · ${found.locality.name}`,
    ...languageMetadata(`/l/${found.locality.slug}/lines/${found.line.id}`, ''),
  };
}

/**
 * One approved line in full: its flags, what it pays for, its money, categories, payments and public history. In
 * English at /l/{slug}/lines/{id} and in Spanish at /es/l/{slug}/lines/{id} (ADR 0016). A program's, recipient's and
 * payment's own words are the locality's and stay as entered.
 */
export default async function LinePage({ params }: PageProps) {
  await connection();
  const { slug, id } = await params;
  const found = await load(slug, id);
  // Drafts, lines under review, returned and deleted lines are not public: the same not-found as a missing id.
  if (!found) notFound();
  const { db, locality, line } = found;
  const [history, words, t] = await Promise.all([
    publicReads.lineHistory(db, locality.id, line.id),
    viewWords(),
    getTranslations('Line'),
  ]);
  const { locale } = words;
  const path = `/l/${locality.slug}/lines/${line.id}`;

  const localityHref = `/l/${locality.slug}?fy=${line.fiscalYear}`;
  const years = fiscalYearSpan(words, line.fiscalYear, line.lastFiscalYear);

  return (
    <article className="line-page">
      <LanguageSwitch locale={locale} path={path} search="" />
      <Breadcrumbs
        label={t('breadcrumb')}
        locale={locale}
        trail={[
          { href: '/', text: t('localities') },
          { href: localityHref, text: locality.name },
        ]}
        current={line.program}
      />
      <div className="page-header">
        <h1>{line.program}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">
          {line.source
            ? t('ledeWithSource', { locality: locality.name, years, source: line.source.name })
            : t('lede', { locality: locality.name, years })}
        </p>
      </div>

      <LineFlagsSection flags={line.flags} words={words} />
      <LineAboutSection line={line} years={years} words={words} />
      <LineMoneySection line={line} locale={locale} />
      <LineCategoriesSection line={line} words={words} />
      <LineSpendingSection line={line} fyStartMonth={locality.fyStartMonth} words={words} />
      <LineHistorySection history={history} locality={locality} words={words} />
    </article>
  );
}
