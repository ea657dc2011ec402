/**
 * The languages the public pages speak (docs/adr/0016-spanish-pages-with-next-intl.md). Pure data: the proxy, the
 * pages, lib and client components all import it.
 */

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** English stays at today's addresses; every other locale lives under `/{locale}/…`. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Request header the proxy sets when it rewrites `/es/…` to the English path; i18n/request.ts reads it. The proxy
 * removes any copy a client sent, so only the proxy decides a page's language.
 */
export const LOCALE_HEADER = 'x-abate-locale';

/**
 * The Intl locale numbers, money and dates are written in. Spanish is `es-US`, the Spanish of the United States: it
 * writes dollars as US readers (and the county's own reports) do, "$1,234.56", where `es` (Spain's conventions)
 * would write "1234,56 US$" — a different decimal mark on the same page as the county's PDFs.
 */
export const FORMAT_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/** What each language is called in itself, for the language switch. */
export const LOCALE_NAME: Record<Locale, string> = { en: 'English', es: 'Español' };

/**
 * The Locale whose Intl locale (or own code) is `value`: next-intl is configured with the Intl locale ("es-US"), so
 * that numbers and plurals inside messages are written as lib/money writes them; pages and links use the short code.
 */
export function localeFromIntl(value: string | null | undefined): Locale {
  const found = LOCALES.find((locale) => FORMAT_LOCALE[locale] === value || locale === value);
  return found ?? DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale a header value names; English for anything else (a missing or unknown header). */
export function localeFromHeader(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
