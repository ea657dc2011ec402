/**
 * What a category is and why it matters: its description and reason (in Spanish where there is one), then its
 * stance in words. A server component (Category messages).
 */
import { getTranslations } from 'next-intl/server';
import { stanceText } from '@/lib/categories/localized';
import { categoryDescription, categoryWhy } from '@/lib/categories/spanish-descriptions';
import type { PublicCategoryDetail } from '@/lib/data/public-categories';
import type { Locale } from '@/lib/i18n/locales';

export async function CategoryAbout({ category, locale }: { category: PublicCategoryDetail; locale: Locale }) {
  const t = await getTranslations('Category');
  const stance = stanceText(locale, category.stance);
  const why = categoryWhy(locale, category.framework.key, category);
  return (
    <>
      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t('whatHeading')}</h2>
        <p className="prose">{categoryDescription(locale, category.framework.key, category)}</p>
      </section>
      <section aria-labelledby="why-heading">
        <h2 id="why-heading">{t('whyHeading')}</h2>
        <p className="prose">{why ?? stance.explanation}</p>
        {/* The stance's own words and punctuation, as the categories page writes them: "Neutral. …". */}
        <p className="prose muted">{`${stance.label}. ${why ? stance.explanation : ''}`}</p>
      </section>
    </>
  );
}
