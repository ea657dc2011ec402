import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { LocalityPageProps } from '../_lib/load-locality';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { LocalitySubpage, openLocalityYearPage } from '../_sections/locality-subpage';
import { OutcomesSection } from '../_sections/outcomes-section';

export function generateMetadata(props: LocalityPageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'Outcomes', 'outcomes');
}

/**
 * What the money did, in full: each program's approved outcomes beside what it spent in their period and the cost
 * per unit, the programs that report nothing, and the counts by quarter. The locality page says it in one sentence
 * and links here. In English at /l/{slug}/outcomes and in Spanish at /es/l/{slug}/outcomes (ADR 0016).
 */
export default async function OutcomesPage(props: LocalityPageProps) {
  const page = await openLocalityYearPage(props, 'outcomes');
  if (page.kind === 'not-reported') return page.element;
  const { locality, fiscalYear } = page;
  const t = await getTranslations('Outcomes');
  return (
    <LocalitySubpage page={page} reportHref={`/l/${locality.slug}?fy=${fiscalYear}`} title={t('title')} heading={t('heading', { locality: locality.name })}>
      <FiscalYearNav years={page.years} current={fiscalYear} basePath={page.basePath} />
      <OutcomesSection localityId={locality.id} fiscalYear={fiscalYear} fyStartMonth={locality.fyStartMonth} />
    </LocalitySubpage>
  );
}
