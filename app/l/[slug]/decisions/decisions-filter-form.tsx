/**
 * The decisions page's filter: a plain GET form (year, approvals or returns), so it filters without JavaScript. A
 * server component in the page's language (Decisions messages).
 */
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DecisionsFilter } from './decisions-view';

export async function DecisionsFilterForm({
  action,
  filter,
  years,
  filtered,
}: {
  /** The page's first page with no filter, in the reader's language: the form's target and the clear link. */
  action: string;
  filter: DecisionsFilter;
  years: number[];
  filtered: boolean;
}) {
  const t = await getTranslations('Decisions');
  return (
    <form className="lines-filter no-print" method="get" action={action} role="search" aria-label={t('filterLabel')}>
      <div className="field">
        <label htmlFor="decisions-fy">{t('fiscalYear')}</label>
        <select id="decisions-fy" name="fy" defaultValue={filter.fiscalYear === undefined ? '' : String(filter.fiscalYear)}>
          <option value="">{t('allYears')}</option>
          {years.map((fy) => (
            <option key={fy} value={String(fy)}>
              {t('year', { year: String(fy) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="decisions-decision">{t('decision')}</label>
        <select id="decisions-decision" name="decision" defaultValue={filter.decision ?? ''}>
          <option value="">{t('approvalsAndReturns')}</option>
          <option value="approve">{t('approvals')}</option>
          <option value="return">{t('returns')}</option>
        </select>
      </div>
      <div className="lines-filter__actions">
        <button type="submit" className="button button--secondary">
          {t('submit')}
        </button>
        {filtered ? (
          <Link href={action} className="lines-filter__clear">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
