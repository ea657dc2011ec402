import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DownloadLinks } from '@/app/_components/download-links';
import { LocaleLink } from '@/app/_components/locale-link';
import type { Locale } from '@/lib/i18n/locales';

/** The locality page's downloads, with a link to the comparison of every locality that year. Words from the Locality messages. */
export async function DownloadsSection({ locality, fiscalYear, locale }: { locality: { name: string; slug: string }; fiscalYear: number; locale: Locale }) {
  const t = await getTranslations('Locality');
  return (
    <section aria-labelledby="downloads-heading" className="no-print">
      <h2 id="downloads-heading">{t('downloadsHeading')}</h2>
      <p>
        {t.rich('downloadsLede', {
          locality: locality.name,
          link: (chunks: ReactNode) => (
            <LocaleLink locale={locale} href={`/compare?fy=${fiscalYear}`}>
              {chunks}
            </LocaleLink>
          ),
        })}
      </p>
      <DownloadLinks slug={locality.slug} />
    </section>
  );
}
