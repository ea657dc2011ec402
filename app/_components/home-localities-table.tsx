// Server component: one page of the localities with their totals, and the totals over ALL of them. Rendered on the
// server with no client JavaScript: sorting and paging are links and a form, answered by SQL (home-localities.ts).
// Words from the HomeTable messages, money and numbers in the page's locale.
import { useLocale, useTranslations } from 'next-intl';
import type { HomeLocalities, HomeSort } from '@/lib/data/home-localities';
import { localeFromIntl, type Locale } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';
import { LocaleLink } from './locale-link';
import { EmptyTableRow, ScrollTable } from './table-parts';
import { formatInteger } from '@/lib/i18n/numbers';

interface Column {
  /** Also the column header's key in the HomeTable messages. */
  id: 'name' | 'kind' | 'received' | 'allocated' | 'spent' | 'unspent' | 'lines' | 'reported';
  numeric: boolean;
  /** The sort that orders the table by this column, if any. */
  sort?: HomeSort;
}

const COLUMNS: Column[] = [
  { id: 'name', numeric: false, sort: 'name' },
  { id: 'kind', numeric: false },
  { id: 'received', numeric: true, sort: 'received' },
  { id: 'allocated', numeric: true, sort: 'allocated' },
  { id: 'spent', numeric: true, sort: 'spent' },
  { id: 'unspent', numeric: true, sort: 'unspent' },
  { id: 'lines', numeric: true, sort: 'lines' },
  { id: 'reported', numeric: false },
];

function Money({ column, cents, locale }: { column: string; cents: bigint; locale: Locale }) {
  return (
    <td data-column={column} data-cents={cents.toString()} className="cell--money">
      {formatCents(cents, { locale })}
    </td>
  );
}

function Count({ column, value, locale }: { column: string; value: number; locale: Locale }) {
  return (
    <td data-column={column} data-value={String(value)} className="cell--number">
      {formatInteger(value, locale)}
    </td>
  );
}

export function HomeLocalitiesTable({
  data,
  fiscalYear,
  sort,
  caption,
}: {
  data: HomeLocalities;
  fiscalYear: number;
  sort: HomeSort;
  caption: string;
}) {
  const t = useTranslations('HomeTable');
  const locale = localeFromIntl(useLocale());
  const { rows, all } = data;
  return (
    <div className="data-table-block">
      <ScrollTable caption={caption} className="data-table" data-testid="localities-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                data-column={column.id}
                className={column.numeric ? 'th--end' : undefined}
                aria-sort={column.sort === sort ? (sort === 'name' ? 'ascending' : 'descending') : undefined}
              >
                {t(column.id === 'name' ? 'locality' : column.id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyTableRow colSpan={COLUMNS.length}>{t('noMatch')}</EmptyTableRow>
          ) : (
            rows.map((l) => {
              const reported = l.approvedLines > 0;
              return (
                <tr key={l.id}>
                  <td data-column="name" className="cell--link">
                    <LocaleLink locale={locale} href={`/l/${l.slug}?fy=${fiscalYear}`}>
                      {l.name}
                    </LocaleLink>
                  </td>
                  <td data-column="kind" className="cell--text">
                    {t(`kinds.${l.kind}`)}
                  </td>
                  <Money column="received" cents={l.receivedCents} locale={locale} />
                  <Money column="allocated" cents={l.allocatedCents} locale={locale} />
                  <Money column="spent" cents={l.spentCents} locale={locale} />
                  <Money column="unspent" cents={l.receivedCents - l.spentCents} locale={locale} />
                  <Count column="lines" value={l.approvedLines} locale={locale} />
                  <td data-column="reported" className="cell--status">
                    <span className={`status status--${reported ? 'ok' : 'warn'}`}>
                      <span className="status__icon" aria-hidden="true">
                        {reported ? '✓' : '⚠'}
                      </span>
                      {t(reported ? 'statusReported' : 'statusNotReported')}
                    </span>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
        {all.localities > 0 ? (
          <tfoot>
            <tr>
              <th scope="row" data-column="name">
                {t('allLocalities', { count: formatInteger(all.localities, locale) })}
              </th>
              <td data-column="kind" className="cell--text" />
              <Money column="received" cents={all.receivedCents} locale={locale} />
              <Money column="allocated" cents={all.allocatedCents} locale={locale} />
              <Money column="spent" cents={all.spentCents} locale={locale} />
              <Money column="unspent" cents={all.receivedCents - all.spentCents} locale={locale} />
              <Count column="lines" value={all.approvedLines} locale={locale} />
              <td data-column="reported" className="cell--status" />
            </tr>
          </tfoot>
        ) : null}
      </ScrollTable>
    </div>
  );
}
