import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';
import { LocaleLink } from '@/app/_components/locale-link';
import { pageLocale } from '@/app/_lib/page-locale';

/**
 * A year the locality has no counted data for: said plainly, with the years it has, and no other year's figures.
 * Words from the NotReported messages, in the page's language; the caller passes `basePath` in that language.
 */
export async function NotReported({
  locality,
  fiscalYear,
  years,
  basePath,
}: {
  locality: { name: string; slug: string; isDemo: boolean };
  fiscalYear: number;
  years: number[];
  /** Where the year buttons lead: the locality page, or one of its sub-pages (already localized). */
  basePath: string;
}) {
  const [t, locale] = await Promise.all([getTranslations('NotReported'), pageLocale()]);
  return (
    <div className="locality-report">
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede" data-testid="year-not-reported">
          <Flag>{t('flag')}</Flag> {t('year', { locality: locality.name, year: String(fiscalYear) })}
        </p>
        <p>{years.length > 0 ? t('chooseYear') : t('noYear', { locality: locality.name })}</p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      <p className="no-print">
        {t.rich('moneyIn', {
          link: (chunks: ReactNode) => (
            <LocaleLink locale={locale} href={`/l/${locality.slug}/money-in`}>
              {chunks}
            </LocaleLink>
          ),
        })}
      </p>
    </div>
  );
}
