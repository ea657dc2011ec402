// Server component: a plain GET form, so searching, filtering and sorting work without JavaScript. It sends the
// reader to the home page in the page's language; words from the HomeSearch messages.
import { useLocale, useTranslations } from 'next-intl';
import { HOME_PAGE_SIZE, HOME_SORTS } from '@/lib/data/home-localities';
import { localeFromIntl } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';
import type { HomeParams } from './home-query';

export function HomeSearchForm({ fiscalYear, query }: { fiscalYear: number; query: HomeParams }) {
  const t = useTranslations('HomeSearch');
  const locale = localeFromIntl(useLocale());
  return (
    <form method="get" action={localizedHref(locale, '/')} className="lines-filter" role="search" aria-label={t('label')}>
      <input type="hidden" name="fy" value={fiscalYear} />
      {query.pageSize !== HOME_PAGE_SIZE ? <input type="hidden" name="per" value={query.pageSize} /> : null}
      <div className="field field--grow">
        <label htmlFor="home-q">{t('nameContains')}</label>
        <input id="home-q" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="home-reported">{t('show')}</label>
        <select id="home-reported" name="reported" defaultValue={query.reported}>
          <option value="all">{t('every')}</option>
          <option value="yes">{t('reported')}</option>
          <option value="no">{t('notReported')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="home-sort">{t('sortBy')}</label>
        <select id="home-sort" name="sort" defaultValue={query.sort}>
          {HOME_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('submit')}
      </button>
    </form>
  );
}
