import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LocaleLink } from './_components/locale-link';
import { pageLocale } from './_lib/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('NotFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations('NotFound'), pageLocale()]);
  return (
    <div className="status-page">
      <h1>{t('title')}</h1>
      <p className="lede">{t('lede')}</p>
      <p>
        <LocaleLink locale={locale} href="/">
          {t('browse')}
        </LocaleLink>
      </p>
    </div>
  );
}
