/**
 * The decisions page's pager: plain links that keep the filters, and the end that cannot be followed shown as text.
 * Nothing when everything fits on one page. A server component (Decisions messages).
 */
import { getTranslations } from 'next-intl/server';
import { PrevNextPager } from '@/app/_components/prev-next-pager';

export async function DecisionsPager({
  page,
  pageCount,
  previous,
  next,
}: {
  page: number;
  pageCount: number;
  /** The neighbouring pages' links (decisionsPagerHrefs); null at either end. */
  previous: string | null;
  next: string | null;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('Decisions');
  return (
    <PrevNextPager
      label={t('pagerLabel')}
      testId="decisions-pager"
      position={t('pageOf', { page, count: pageCount })}
      previous={{
        href: previous,
        link: (
          <>
            ← {t('previous')}
            <span className="visually-hidden">{t('previousHidden')}</span>
          </>
        ),
        text: <>← {t('previous')}</>,
      }}
      next={{
        href: next,
        link: (
          <>
            {t('next')}
            <span className="visually-hidden">{t('nextHidden')}</span> →
          </>
        ),
        text: <>{t('next')} →</>,
      }}
    />
  );
}
