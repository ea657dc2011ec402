import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { EquityPanel } from '@/app/_components/equity/equity-panel';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { LocaleLink } from '@/app/_components/locale-link';
import { loadPublicEquityPanel } from '@/lib/data/public-equity';
import type { LocalityPageProps } from '../_lib/load-locality';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { LocalitySubpage, openLocalityYearPage } from '../_sections/locality-subpage';

export function generateMetadata(props: LocalityPageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'EquityPage', 'equity');
}

/**
 * A locality's equity goals for a year in full: each goal against its target and why it matters, the flags, who the
 * programs reach and where overdose deaths are. The locality page shows the goals' bullets and links here, which
 * keeps that page short and light. In English at /l/{slug}/equity and in Spanish at /es/l/{slug}/equity (ADR 0016).
 */
export default async function EquityPage(props: LocalityPageProps) {
  const page = await openLocalityYearPage(props, 'equity');
  if (page.kind === 'not-reported') return page.element;
  const { db, locality, locale, fiscalYear } = page;
  const t = await getTranslations('EquityPage');
  const year = String(fiscalYear);
  const panel = await loadPublicEquityPanel(db, locality.id, fiscalYear);
  const empty = panel.equity.goals.length === 0 && panel.equity.flags.length === 0;
  const reportHref = `/l/${locality.slug}?fy=${fiscalYear}`;

  return (
    <LocalitySubpage page={page} reportHref={reportHref} title={t('title')} heading={t('heading', { locality: locality.name })}>
      <FiscalYearNav years={page.years} current={fiscalYear} basePath={page.basePath} />
      {empty ? (
        <p data-testid="equity-empty">{t('empty', { locality: locality.name, year })}</p>
      ) : (
        <EquityPanel {...panel} localityName={locality.name} lineHrefBase={`/l/${locality.slug}/lines/`} />
      )}
      <p className="no-print">
        {t.rich('back', {
          locality: locality.name,
          year,
          report: (chunks: ReactNode) => (
            <LocaleLink locale={locale} href={reportHref}>
              {chunks}
            </LocaleLink>
          ),
          data: (chunks: ReactNode) => <a href={`/api/v1/localities/${locality.slug}/equity?fy=${fiscalYear}`}>{chunks}</a>,
        })}
      </p>
    </LocalitySubpage>
  );
}
