// Server-compatible (no 'use client'): the flags an oversight board needs to see first, high severity first. Each
// flag carries an icon and its severity in words, so none relies on colour. Words from the EquityFlags messages in
// the request's language; a flag that carries its facts (the public equity page's) is written again in that language
// (flagText), others keep the English title and detail they came with.
import { flagText, type FlagFacts } from '@/lib/equity/flags';
import type { PublicEquityFlag } from '@/lib/equity/public';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents } from '@/lib/money';
import { useViewWords } from './use-view-words';

const SEVERITY_ORDER = { high: 0, medium: 1 } as const;

export function FlagsList({
  flags,
  fiscalYear,
  emptyText,
  lineHrefBase,
  testId = 'equity-flags',
}: {
  flags: readonly (PublicEquityFlag & { facts?: FlagFacts })[];
  fiscalYear: number;
  emptyText?: string;
  /** A flag about one line links to `${lineHrefBase}${allocation id}`; no link when left out. */
  lineHrefBase?: string;
  testId?: string;
}) {
  const words = useViewWords();
  const t = (key: string, values?: Record<string, string | number>) => words.t(`EquityFlags.${key}`, values);
  const year = String(fiscalYear);
  if (flags.length === 0) {
    return (
      <p className="muted" data-testid={testId}>
        {emptyText ?? t('empty', { year })}
      </p>
    );
  }
  // Stable: keeps the order computeFlags gives within a severity.
  const sorted = [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const high = sorted.filter((flag) => flag.severity === 'high').length;
  return (
    <>
      <p className="flags-summary">{high > 0 ? t('summaryHigh', { count: sorted.length, year, high }) : t('summary', { count: sorted.length, year })}</p>
      <ul className="flags-list" data-testid={testId}>
        {sorted.map((flag, index) => {
          // A plain <a>: the line's page may be in another language (localizedHref, ADR 0016).
          const href = flag.allocation_id !== null && lineHrefBase ? localizedHref(words.locale, `${lineHrefBase}${flag.allocation_id}`) : null;
          const { title, detail } = flag.facts ? flagText(flag.facts, words) : flag;
          return (
            <li
              key={`${flag.kind}-${flag.allocation_id ?? ''}-${flag.recipient_id ?? ''}-${flag.category_key ?? ''}-${index}`}
              className={`equity-flag equity-flag--${flag.severity}`}
              data-kind={flag.kind}
              data-severity={flag.severity}
              data-allocation-id={flag.allocation_id ?? undefined}
            >
              <p className="equity-flag__title">
                <span className="equity-flag__severity">
                  <span aria-hidden="true">⚠</span> {t(flag.severity === 'high' ? 'high' : 'medium')}
                  <span className="visually-hidden"> {t('severityFlag')}</span>
                </span>{' '}
                {href ? <a href={href}>{title}</a> : title}
              </p>
              <p className="equity-flag__detail">{detail}</p>
              {flag.amount !== null ? (
                <p className="equity-flag__amount muted">
                  {t('amount')} <span data-cents={flag.amount.cents}>{formatCents(BigInt(flag.amount.cents), { locale: words.locale })}</span>
                  {flag.share !== null ? ` (${flag.share}%)` : ''}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
