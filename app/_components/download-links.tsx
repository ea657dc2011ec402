// Server component: the open-data downloads of a locality, named in the page's language (Locality messages). The
// files are the same in every language, but for the CSV's header row: a Spanish page links the CSV whose header is
// in Spanish (`?lang=es`, lib/open-data/spanish-headers.ts).
import { getTranslations } from 'next-intl/server';
import { pageLocale } from '@/app/_lib/page-locale';

export async function DownloadLinks({ slug }: { slug: string }) {
  const [t, locale] = await Promise.all([getTranslations('Locality'), pageLocale()]);
  return (
    <ul className="download-list" data-testid="downloads">
      <li>
        <a href={`/data/${slug}/allocations.csv${locale === 'es' ? '?lang=es' : ''}`} data-testid="download-csv">
          {t('downloadCsv')}
        </a>
      </li>
      <li>
        <a href={`/data/${slug}/datapackage.json`}>{t('downloadPackage')}</a>
      </li>
      <li>
        <a href={`/api/v1/localities/${slug}`}>{t('downloadApi')}</a>
      </li>
      <li>
        <a href={`/l/${slug}/feed.xml`} type="application/atom+xml">
          {t('downloadFeed')}
        </a>
      </li>
    </ul>
  );
}
