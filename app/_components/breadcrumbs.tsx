// Server-compatible (no 'use client'): where a page sits, as a list of links ending in the page itself. The links
// stay in the page's language where their pages are translated (LocaleLink).
import type { Locale } from '@/lib/i18n/locales';
import { LocaleLink } from './locale-link';

export function Breadcrumbs({
  label,
  locale,
  trail,
  current,
}: {
  /** The list's name ("Breadcrumb"), in the page's language. */
  label: string;
  locale: Locale;
  /** The pages above this one, the top first; `href` in English. */
  trail: readonly { href: string; text: string }[];
  /** This page's name. */
  current: string;
}) {
  return (
    <nav aria-label={label} className="breadcrumbs">
      <ol>
        {trail.map((step, i) => (
          // Two steps may lead to one page (a framework's list is the categories page itself).
          <li key={i}>
            <LocaleLink locale={locale} href={step.href}>
              {step.text}
            </LocaleLink>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
