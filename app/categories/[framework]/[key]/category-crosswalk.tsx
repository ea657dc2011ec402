/**
 * Where a category's money is reported in the other frameworks, and which of their categories are reported under
 * it, each linked for the same year. Nothing when the crosswalk has neither. A server component (Category messages).
 */
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LocaleLink } from '@/app/_components/locale-link';
import type { CrosswalkLink, PublicCategoryDetail } from '@/lib/data/public-categories';
import type { Locale } from '@/lib/i18n/locales';
import { crosswalkNames, reportedFromOnly } from './category-view';

export async function CategoryCrosswalk({ category, fiscalYear, locale }: { category: PublicCategoryDetail; fiscalYear: number; locale: Locale }) {
  if (category.reportedAs.length === 0 && category.reportedFrom.length === 0) return null;
  const t = await getTranslations('Category');
  const categoryLink = (c: CrosswalkLink) =>
    function CategoryLink(chunks: ReactNode) {
      return (
        <LocaleLink locale={locale} href={`/categories/${c.frameworkKey}/${c.key}?fy=${fiscalYear}`}>
          {chunks}
        </LocaleLink>
      );
    };
  return (
    <section aria-labelledby="crosswalk-heading">
      <h2 id="crosswalk-heading">{t('crosswalkHeading')}</h2>
      <ul>
        {category.reportedAs.map((c) => (
          <li key={`as-${c.frameworkKey}-${c.key}`}>{t.rich('reportedAs', { ...crosswalkNames(locale, c), link: categoryLink(c) })}</li>
        ))}
        {reportedFromOnly(category).map((c) => (
          <li key={`from-${c.frameworkKey}-${c.key}`}>{t.rich('reportedFrom', { ...crosswalkNames(locale, c), link: categoryLink(c) })}</li>
        ))}
      </ul>
    </section>
  );
}
