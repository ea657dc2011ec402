// Server-compatible (no 'use client'): the flags an oversight board needs to see first, high severity first. Each
// flag carries an icon and its severity in words, so none relies on colour.
import type { PublicEquityFlag } from '@/lib/equity/public';
import { formatCents } from '@/lib/money';

const SEVERITY_ORDER = { high: 0, medium: 1 } as const;

export function FlagsList({
  flags,
  fiscalYear,
  emptyText,
  lineHrefBase,
  testId = 'equity-flags',
}: {
  flags: readonly PublicEquityFlag[];
  fiscalYear: number;
  emptyText?: string;
  /** A flag about one line links to `${lineHrefBase}${allocation id}`; no link when left out. */
  lineHrefBase?: string;
  testId?: string;
}) {
  if (flags.length === 0) {
    return (
      <p className="muted" data-testid={testId}>
        {emptyText ?? `No flags for FY${fiscalYear}.`}
      </p>
    );
  }
  // Stable: keeps the order computeFlags gives within a severity.
  const sorted = [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const high = sorted.filter((flag) => flag.severity === 'high').length;
  return (
    <>
      <p className="flags-summary">
        {sorted.length === 1 ? '1 flag' : `${sorted.length} flags`} for FY{fiscalYear}
        {high > 0 ? `, ${high} of high severity` : ''}.
      </p>
      <ul className="flags-list" data-testid={testId}>
        {sorted.map((flag, index) => {
          const href = flag.allocation_id !== null && lineHrefBase ? `${lineHrefBase}${flag.allocation_id}` : null;
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
                  <span aria-hidden="true">⚠</span> {flag.severity === 'high' ? 'High' : 'Medium'}
                  <span className="visually-hidden"> severity flag</span>
                </span>{' '}
                {href ? <a href={href}>{flag.title}</a> : flag.title}
              </p>
              <p className="equity-flag__detail">{flag.detail}</p>
              {flag.amount !== null ? (
                <p className="equity-flag__amount muted">
                  Amount: <span data-cents={flag.amount.cents}>{formatCents(BigInt(flag.amount.cents))}</span>
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
