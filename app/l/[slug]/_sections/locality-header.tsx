// A server component: its words come from the Locality messages in the page's language, with links (LocaleLink) that
// stay in that language where the target page is translated. Mostly text, so its rendered tree costs the flight data
// no more than its props would (ADR 0014); the year and framework switches are client components of their own.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { OnThisPage } from '@/app/_components/on-this-page';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { monthName } from '@/lib/categories/summaries';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';

interface Framework {
  key: string;
  /** In the reader's words (lib/categories/localized.ts frameworkName). */
  name: string;
}

/** The locality page's header: what it shows and counts, links to its other pages, the year and framework, and its sections. */
export async function LocalityHeader({
  locality,
  locale,
  fiscalYear,
  residents,
  overduePayments,
  years,
  frameworks,
  frameworkKey,
  hasEquity,
}: {
  locality: { name: string; slug: string; isDemo: boolean; fyStartMonth: number };
  locale: Locale;
  fiscalYear: number;
  /** " · population 412,300 (FY2026)", or ''. */
  residents: string;
  overduePayments: number;
  years: number[];
  frameworks: Framework[];
  frameworkKey: string;
  hasEquity: boolean;
}) {
  const t = await getTranslations('Locality');
  const path = `/l/${locality.slug}`;
  const basePath = localizedHref(locale, path);
  const framework = frameworks.find((f) => f.key === frameworkKey);
  const link = (href: string) =>
    function PageLink(chunks: ReactNode) {
      return (
        <LocaleLink locale={locale} href={href}>
          {chunks}
        </LocaleLink>
      );
    };
  return (
    <>
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">{t('lede', { year: String(fiscalYear), residents, month: monthName(locality.fyStartMonth, locale) })}</p>
        <p className="no-print" data-testid="money-in-link">
          {t.rich('moneyIn', { link: link(`${path}/money-in`) })}
          {overduePayments > 0 ? <strong> ⚠ {t('overdue', { count: overduePayments })}</strong> : null}
        </p>
        <p className="no-print" data-testid="decisions-link">
          {t.rich('decisions', { link: link(`${path}/decisions`) })}
        </p>
        <p className="no-print" data-testid="feed-link">
          {t.rich('feed', {
            link: (chunks: ReactNode) => (
              <a href={`${path}/feed.xml`} type="application/atom+xml">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p className="print-only">{t('printNote', { framework: framework?.name ?? frameworkKey })}</p>
      </div>
      <FiscalYearNav
        years={years}
        current={fiscalYear}
        basePath={basePath}
        extraQuery={frameworkKey === DEFAULT_FRAMEWORK_KEY ? undefined : { framework: frameworkKey }}
      />
      <FrameworkSwitch
        frameworks={frameworks}
        current={frameworkKey}
        basePath={basePath}
        keepQuery={{ fy: String(fiscalYear) }}
        defaultKey={DEFAULT_FRAMEWORK_KEY}
      />
      <OnThisPage
        label={t('onThisPage')}
        items={[
          { id: 'totals-heading', label: t('onThisPageTotals') },
          { id: 'by-category-heading', label: t('onThisPageByCategory') },
          { id: 'by-group-heading', label: t('onThisPageByGroup') },
          { id: 'over-time-heading', label: t('onThisPageOverTime') },
          { id: 'flows-heading', label: t('onThisPageSources') },
          ...(hasEquity ? [{ id: 'equity-panel-heading', label: t('onThisPageEquity') }] : []),
          { id: 'outcomes-heading', label: t('onThisPageOutcomes') },
          { id: 'lines', label: t('onThisPageLines') },
          { id: 'downloads-heading', label: t('onThisPageDownloads') },
        ]}
      />
      {framework && frameworkKey !== DEFAULT_FRAMEWORK_KEY ? <p className="muted framework-note">{t('frameworkNote', { framework: framework.name })}</p> : null}
    </>
  );
}
