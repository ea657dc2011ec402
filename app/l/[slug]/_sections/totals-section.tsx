import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import { TotalsCards } from '@/app/_components/totals-cards';
import type { LocalityTotals } from '@/lib/data/locality-totals';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The year's four totals on the locality page, and the "not reported" flag when the year has no approved lines.
 * Words from the Locality and NotReported messages, in the page's language; money per `locale`.
 */
export async function TotalsSection({
  totals,
  localityName,
  fiscalYear,
  hasLines,
  locale,
}: {
  totals: LocalityTotals;
  localityName: string;
  fiscalYear: number;
  hasLines: boolean;
  locale: Locale;
}) {
  const [t, tNotReported] = await Promise.all([getTranslations('Locality'), getTranslations('NotReported')]);
  const year = String(fiscalYear);
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('totalsHeading', { year })}</h2>
      <TotalsCards
        locale={locale}
        items={[
          { label: t('received'), cents: totals.receivedCents.toString(), testId: 'total-received' },
          { label: t('allocatedApproved'), cents: totals.allocatedCents.toString(), testId: 'total-allocated' },
          { label: t('spent'), cents: totals.spentCents.toString(), testId: 'total-spent' },
          { label: t('unspent'), cents: totals.unspentCents.toString(), note: t('unspentNote'), testId: 'total-unspent' },
        ]}
      />
      {hasLines ? null : (
        <p className="notice" role="note">
          <Flag testId="not-reported-flag">{tNotReported('flag')}</Flag> {t('noLines', { locality: localityName, year })}
        </p>
      )}
    </section>
  );
}
