import { getTranslations } from 'next-intl/server';
import { LocaleLink } from '@/app/_components/locale-link';
import { ScrollTable } from '@/app/_components/table-parts';
import { FORMAT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';
import type { CompareView } from '@/lib/views/compare-view';

/**
 * The ranking table on the compare page: one row per locality, in the order compareView ranked them, the measure's
 * amount, its denominator and that figure's source, and the ratio. Words from the Compare messages; money per `locale`.
 */
export async function RankingTable({ view, locale }: { view: CompareView; locale: Locale }) {
  const t = await getTranslations('Compare');
  const denominatorHeader = t(view.per === 'resident' ? 'residents' : 'deaths');
  const headingInCaption = view.heading.charAt(0).toLocaleLowerCase(FORMAT_LOCALE[locale]) + view.heading.slice(1);
  return (
    <ScrollTable caption={t('caption', { heading: headingInCaption })} label={t('rankingRegion')} className="data-table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col" data-column="rank">{t('rank')}</th>
          <th scope="col" data-column="name">{t('locality')}</th>
          <th scope="col" data-column="amount">{view.measureLabel}</th>
          <th scope="col" data-column="denominator">{denominatorHeader}</th>
          <th scope="col" data-column="source">{t('source')}</th>
          <th scope="col" data-column="ratio" aria-sort="descending">
            {view.perLinks.find((link) => link.key === view.per)?.label}
          </th>
        </tr>
      </thead>
      <tbody>
        {view.rows.length === 0 ? (
          <tr>
            <td colSpan={6}>{t('noLocalities')}</td>
          </tr>
        ) : (
          view.rows.map((row) => (
            <tr key={row.key} data-locality={row.key}>
              <td data-column="rank" data-value={row.rank ?? undefined}>
                {row.rank ?? '—'}
              </td>
              <th scope="row" data-column="name">
                <LocaleLink locale={locale} href={row.href}>
                  {row.name}
                </LocaleLink>
              </th>
              <td data-column="amount" data-cents={row.amountCents}>
                {formatCents(BigInt(row.amountCents), { locale })}
              </td>
              <td data-column="denominator" className={row.denominatorText === null ? 'cell--empty' : 'cell--number'}>
                {row.denominatorText ?? view.notEnough}
              </td>
              <td data-column="source">{row.denominatorSource}</td>
              <td data-column="ratio" data-cents={row.ratioCents ?? undefined} className={row.ratioCents === null ? 'cell--empty' : undefined}>
                {row.ratioText}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </ScrollTable>
  );
}
