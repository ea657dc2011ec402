/**
 * The decisions as a table: one row per approval or return, newest first. Explicit table roles and a label per cell,
 * because on phones the rows are laid out as cards (display: block). A server component (Decisions messages).
 */
import { getTranslations } from 'next-intl/server';
import { LocaleLink } from '@/app/_components/locale-link';
import { CardTableBody, ScrollTable } from '@/app/_components/table-parts';
import type { Locale } from '@/lib/i18n/locales';
import type { DecisionRowView } from './decisions-view';

/** Column ids and their header messages (Decisions namespace). */
const COLUMNS = [
  { id: 'date', message: 'columnDate' },
  { id: 'program', message: 'columnLine' },
  { id: 'fiscal-year', message: 'columnFiscalYear' },
  { id: 'amount', message: 'columnAmount', money: true },
  { id: 'decision', message: 'columnDecision' },
  { id: 'decided-by', message: 'columnDecidedBy' },
  { id: 'reason', message: 'columnReason' },
] as const;

export async function DecisionsTable({
  rows,
  caption,
  filtered,
  locale,
}: {
  rows: DecisionRowView[];
  caption: string;
  filtered: boolean;
  locale: Locale;
}) {
  const t = await getTranslations('Decisions');
  const label = (id: (typeof COLUMNS)[number]['id']) => t(COLUMNS.find((c) => c.id === id)!.message);
  return (
    <ScrollTable caption={caption} role="table" className="data-table decisions-table" data-testid="decisions-table">
      <thead role="rowgroup">
        <tr role="row">
          {COLUMNS.map((column) => (
            <th key={column.id} role="columnheader" scope="col" className={'money' in column ? 'th--end' : undefined}>
              {t(column.message)}
            </th>
          ))}
        </tr>
      </thead>
      <CardTableBody rows={rows} colSpan={COLUMNS.length} empty={filtered ? t('emptyFiltered') : t('emptyNone')}>
        {(row) => (
          <tr role="row" key={row.id} data-decision={row.decisionKey}>
            <td role="cell" data-column="date" data-label={label('date')} className="cell--date">
              {row.date}
            </td>
            <td role="cell" data-column="program" data-label={label('program')} className="cell--program">
              {row.href ? (
                <LocaleLink locale={locale} href={row.href}>
                  {row.program}
                </LocaleLink>
              ) : (
                row.program
              )}
            </td>
            <td role="cell" data-column="fiscal-year" data-label={label('fiscal-year')}>
              {row.fiscalYear}
            </td>
            <td role="cell" data-column="amount" data-label={label('amount')} className="cell--money" data-cents={row.amountCents}>
              {row.amount}
            </td>
            <td role="cell" data-column="decision" data-label={label('decision')}>
              <span className={`status status--${row.decisionKey === 'approve' ? 'ok' : 'warn'}`}>
                <span className="status__icon" aria-hidden="true">
                  {row.decisionKey === 'approve' ? '✓' : '⚠'}
                </span>{' '}
                {row.decision}
              </span>
            </td>
            <td role="cell" data-column="decided-by" data-label={label('decided-by')}>
              {row.decidedBy}
            </td>
            <td role="cell" data-column="reason" data-label={label('reason')} className={row.reason ? 'cell--reason' : 'cell--reason cell--empty'}>
              {row.reason ?? t('noReason')}
            </td>
          </tr>
        )}
      </CardTableBody>
    </ScrollTable>
  );
}
