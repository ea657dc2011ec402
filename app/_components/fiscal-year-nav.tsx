// Server-compatible (no 'use client').
//
// API choice: instead of an `hrefFor(fy)` function prop (functions cannot be
// passed from a Server Component to a Client Component, so such a prop would
// pin this component and every parent to the server), it takes plain data:
// `basePath` plus optional `extraQuery`, and builds `${basePath}?…&fy=2025`
// itself. That keeps it usable from both server and client components.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface FiscalYearNavProps {
  /** Fiscal years to offer, rendered in the order given (pass newest first if you want that). */
  years: number[];
  /** The year being shown; its link gets aria-current="page". */
  current: number;
  /** Path the links point to, e.g. "/localities/springfield". */
  basePath: string;
  /** Other query parameters to keep on every link (the `fy` key is always overwritten). */
  extraQuery?: Record<string, string>;
}

export function fiscalYearHref(basePath: string, fy: number, extraQuery?: Record<string, string>): string {
  const params = new URLSearchParams(extraQuery);
  params.set('fy', String(fy));
  return `${basePath}?${params.toString()}`;
}

/** Words from the FiscalYearNav messages (server render, or a client tree under the root layout's provider). */
export function FiscalYearNav({ years, current, basePath, extraQuery }: FiscalYearNavProps) {
  const t = useTranslations('FiscalYearNav');
  if (years.length === 0) return null;
  return (
    <nav aria-label={t('label')} className="fy-nav">
      <span className="fy-nav__label" aria-hidden="true">
        {t('label')}
      </span>
      <ul>
        {years.map((fy) => (
          <li key={fy}>
            <Link href={fiscalYearHref(basePath, fy, extraQuery)} aria-current={fy === current ? 'page' : undefined}>
              {t('year', { year: String(fy) })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
