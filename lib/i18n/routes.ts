/**
 * Which public pages have a Spanish version, and the addresses of a page in each language. The ONE list of
 * translated routes: the proxy (which pages `/es/…` serves), the links (localizedHref) and the language switch all
 * read it. To publish a page in Spanish, translate it, then add its pattern here.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/** Paths (without the locale prefix) whose pages are fully translated. */
const TRANSLATED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/compare$/,
  /^\/categories$/,
  /^\/categories\/[^/]+\/[^/]+$/,
  /^\/l\/[^/]+$/,
  /^\/l\/[^/]+\/decisions$/,
  /^\/l\/[^/]+\/outcomes$/,
  /^\/l\/[^/]+\/lines\/[^/]+$/,
  /^\/l\/[^/]+\/equity$/,
  /^\/l\/[^/]+\/money-in$/,
];

/** True when the English path `path` (no query) has a Spanish page. */
export function isTranslatedPath(path: string): boolean {
  return TRANSLATED_PATHS.some((pattern) => pattern.test(path));
}

export interface LocalePath {
  locale: Locale;
  /** The path without the locale prefix: the English page's path. */
  path: string;
}

/** "/es/categories" → es, "/categories"; "/es" → es, "/"; "/categories" → en, "/categories"; "/esx" stays English. */
export function splitLocalePath(pathname: string): LocalePath {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (pathname === prefix) return { locale, path: '/' };
    if (pathname.startsWith(`${prefix}/`)) return { locale, path: pathname.slice(prefix.length) };
  }
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/** The address of the English path `path` in `locale`, whether or not that page is translated. */
function prefixed(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * Where a link to the English href `href` ("/categories?fy=2025#x") goes from a page in `locale`: the same page in
 * `locale` when it is translated, else the English page (never a half-translated one). Off-site, mailto and
 * already-prefixed hrefs are returned as given.
 */
export function localizedHref(locale: Locale, href: string): string {
  if (locale === DEFAULT_LOCALE || !href.startsWith('/') || href.startsWith('//')) return href;
  const end = href.search(/[?#]/);
  const path = end === -1 ? href : href.slice(0, end);
  const rest = end === -1 ? '' : href.slice(end);
  if (splitLocalePath(path).locale !== DEFAULT_LOCALE) return href;
  return isTranslatedPath(path) ? `${prefixed(locale, path)}${rest}` : href;
}

/** The locale a (possibly localized) href's page is shown in. */
export function hrefLocale(href: string): Locale {
  if (!href.startsWith('/') || href.startsWith('//')) return DEFAULT_LOCALE;
  return splitLocalePath(href.split(/[?#]/, 1)[0]!).locale;
}

/**
 * The same page in every locale, for the language switch and `alternates.languages`: path and query kept.
 * `search` is "" or starts with "?".
 */
export function languageAlternates(path: string, search = ''): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, `${prefixed(locale, path)}${search}`])) as Record<Locale, string>;
}

/** What the proxy does with a request path: leave it, serve the English page in another locale, or send to English. */
export type LocaleRoute =
  | { kind: 'default' }
  | { kind: 'translated'; locale: Locale; path: string }
  | { kind: 'untranslated'; path: string };

export function routeForPath(pathname: string): LocaleRoute {
  const { locale, path } = splitLocalePath(pathname);
  if (locale === DEFAULT_LOCALE) return { kind: 'default' };
  return isTranslatedPath(path) ? { kind: 'translated', locale, path } : { kind: 'untranslated', path };
}
