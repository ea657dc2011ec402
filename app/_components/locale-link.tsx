// Server-compatible (no 'use client'): a link from a page in `locale`, to that page's language when it is translated.
import Link from 'next/link';
import type { ComponentProps } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { hrefLocale, localizedHref } from '@/lib/i18n/routes';

type LocaleLinkProps = Omit<ComponentProps<'a'>, 'href'> & { locale: Locale; href: string };

/**
 * A link to the English href `href`, in `locale` where that page is translated. A link that changes language (to a
 * page with no Spanish yet) is a plain <a>, loading a whole document: the root layout (<html lang>, the navigation)
 * is shared by both languages, and a client-side navigation would keep the old language's layout.
 */
export function LocaleLink({ locale, href, ...props }: LocaleLinkProps) {
  const target = localizedHref(locale, href);
  if (hrefLocale(target) !== locale) return <a href={target} {...props} />;
  return <Link href={target} {...props} />;
}

/** True when a link from a page in `locale` to `href` must load a whole document (see LocaleLink). */
export function changesLanguage(locale: Locale, href: string): boolean {
  return hrefLocale(localizedHref(locale, href)) !== locale;
}
