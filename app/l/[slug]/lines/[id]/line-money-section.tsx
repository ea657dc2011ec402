/** A line's money: allocated, spent to date, and what is left (or how far it was overspent). A server component (Line messages). */
import { getTranslations } from 'next-intl/server';
import { TotalsCards } from '@/app/_components/totals-cards';
import type { PublicLineDetail } from '@/lib/data/public-line';
import type { Locale } from '@/lib/i18n/locales';

export async function LineMoneySection({ line, locale }: { line: PublicLineDetail; locale: Locale }) {
  const t = await getTranslations('Line');
  const remaining = line.allocatedCents - line.spentToDateCents;
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t('moneyHeading')}</h2>
      <TotalsCards
        locale={locale}
        items={[
          { label: t('allocated'), cents: line.allocatedCents.toString(), testId: 'line-allocated' },
          { label: t('spentToDate'), cents: line.spentToDateCents.toString(), testId: 'line-spent' },
          {
            label: remaining >= 0n ? t('notYetSpent') : t('overspent'),
            cents: (remaining >= 0n ? remaining : -remaining).toString(),
            note: t('remainingNote'),
            testId: 'line-remaining',
          },
        ]}
      />
    </section>
  );
}
