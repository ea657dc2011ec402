/**
 * The decisions page's filter: a plain GET form (year, approvals or returns), so it filters without JavaScript. A
 * server component in the page's language (Decisions messages).
 */
import { getTranslations } from 'next-intl/server';
import { FilterActions, SelectField } from '@/app/_components/filter-fields';
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
      <SelectField
        id="decisions-fy"
        name="fy"
        label={t('fiscalYear')}
        allLabel={t('allYears')}
        options={years.map((fy) => ({ value: String(fy), label: t('year', { year: String(fy) }) }))}
        defaultValue={filter.fiscalYear === undefined ? '' : String(filter.fiscalYear)}
      />
      <SelectField
        id="decisions-decision"
        name="decision"
        label={t('decision')}
        allLabel={t('approvalsAndReturns')}
        options={[
          { value: 'approve', label: t('approvals') },
          { value: 'return', label: t('returns') },
        ]}
        defaultValue={filter.decision ?? ''}
      />
      <FilterActions submitLabel={t('submit')} clearHref={filtered ? action : null} clearLabel={t('clear')} />
    </form>
  );
}
