// Server-compatible (no 'use client').
//
// API choice: instead of an `hrefFor(fy)` function prop (functions cannot be
// passed from a Server Component to a Client Component, so such a prop would
// pin this component and every parent to the server), it takes plain data:
// `basePath` plus optional `extraQuery`, and builds `${basePath}?…&fy=2025`
// itself. That keeps it usable from both server and client components.
import Link from 'next/link';

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

export function FiscalYearNav({ years, current, basePath, extraQuery }: FiscalYearNavProps) {
  if (years.length === 0) return null;
  return (
    <nav aria-label="Fiscal year" className="fy-nav">
      <span className="fy-nav__label" aria-hidden="true">
        Fiscal year
      </span>
      <ul>
        {years.map((fy) => (
          <li key={fy}>
            <Link href={fiscalYearHref(basePath, fy, extraQuery)} aria-current={fy === current ? 'page' : undefined}>
              FY{fy}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
