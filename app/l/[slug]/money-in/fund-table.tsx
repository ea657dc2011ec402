import { useLocale, useTranslations } from 'next-intl';
import { EmptyTableRow, ScrollTable } from '@/app/_components/table-parts';
import type { FundYear } from '@/lib/data/fund';
import { localeFromIntl } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';

/**
 * The fund-balance table by fiscal year, on the public "Money coming in" page and the staff fund page. A plain
 * server-rendered table (no JavaScript): every figure exact, every row reconciled (beginning + received − spent =
 * ending), audit and administration shown as parts of spent. Words from the FundTable messages in the request's
 * language (the staff page is always English; the public page also in Spanish), money per locale.
 */
const COLUMNS: { key: keyof FundYear; part?: boolean }[] = [
  { key: 'beginningCents' },
  { key: 'receivedSettlementCents' },
  { key: 'receivedGrantCents' },
  { key: 'receivedInterestCents' },
  { key: 'receivedOtherCents' },
  { key: 'receivedCents' },
  { key: 'spentCents' },
  { key: 'auditCents', part: true },
  { key: 'administrationCents', part: true },
  { key: 'endingCents' },
];

export function FundTable({ years, caption, testId = 'fund-table' }: { years: FundYear[]; caption: string; testId?: string }) {
  const t = useTranslations('FundTable');
  const locale = localeFromIntl(useLocale());
  return (
    <ScrollTable caption={caption} className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('fiscalYear')}</th>
          {COLUMNS.map((column) => (
            <th key={column.key} scope="col" className="cell--money">
              {t(column.key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {years.length === 0 ? (
          <EmptyTableRow colSpan={COLUMNS.length + 1}>{t('empty')}</EmptyTableRow>
        ) : (
          [...years].reverse().map((year) => (
            <tr key={year.fiscalYear} data-fiscal-year={year.fiscalYear}>
              <th scope="row">{t('year', { year: String(year.fiscalYear) })}</th>
              {COLUMNS.map((column) => {
                const cents = year[column.key] as bigint;
                return (
                  <td key={column.key} className="cell--money" data-column={column.key} data-cents={cents.toString()}>
                    {formatCents(cents, { locale })}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </ScrollTable>
  );
}
