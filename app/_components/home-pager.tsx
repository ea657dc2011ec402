// Server component: links to the other pages of the localities table, keeping the search, filter and sort, in the
// page's language (HomePager messages).
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';
import { homeHref, type HomeParams } from './home-query';

export function HomePager({ fiscalYear, query, pageCount }: { fiscalYear: number; query: HomeParams; pageCount: number }) {
  const t = useTranslations('HomePager');
  const locale = localeFromIntl(useLocale());
  if (pageCount <= 1) return null;
  const page = query.page;
  const link = (target: number, label: string, rel?: string) => (
    <Link href={localizedHref(locale, homeHref(fiscalYear, query, { page: target }))} rel={rel}>
      {label}
    </Link>
  );
  return (
    <nav aria-label={t('label')} className="pager" data-testid="home-pager">
      {page > 1 ? link(1, t('first')) : null}
      {page > 1 ? link(page - 1, t('previous'), 'prev') : null}
      <span aria-current="page">{t('position', { page: String(page), count: String(pageCount) })}</span>
      {page < pageCount ? link(page + 1, t('next'), 'next') : null}
      {page < pageCount ? link(pageCount, t('last')) : null}
    </nav>
  );
}
