/**
 * The decisions page's pager: plain links that keep the filters, and the end that cannot be followed shown as text.
 * Nothing when everything fits on one page. A server component (Decisions messages).
 */
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

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
    <nav className="pagination no-print" aria-label={t('pagerLabel')} data-testid="decisions-pager">
      {previous !== null ? (
        <Link href={previous} rel="prev">
          ← {t('previous')}
          <span className="visually-hidden">{t('previousHidden')}</span>
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          ← {t('previous')}
        </span>
      )}
      <span aria-current="page">{t('pageOf', { page, count: pageCount })}</span>
      {next !== null ? (
        <Link href={next} rel="next">
          {t('next')}
          <span className="visually-hidden">{t('nextHidden')}</span> →
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          {t('next')} →
        </span>
      )}
    </nav>
  );
}
