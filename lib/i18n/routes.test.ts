import { describe, expect, it } from 'vitest';
import { localeFromHeader, localeFromIntl } from './locales';
import { hrefLocale, isTranslatedPath, languageAlternates, localizedHref, routeForPath, splitLocalePath } from './routes';

describe('splitLocalePath', () => {
  it('reads the Spanish prefix and leaves English paths alone', () => {
    expect(splitLocalePath('/es/categories')).toEqual({ locale: 'es', path: '/categories' });
    expect(splitLocalePath('/es')).toEqual({ locale: 'es', path: '/' });
    expect(splitLocalePath('/es/')).toEqual({ locale: 'es', path: '/' });
    expect(splitLocalePath('/categories')).toEqual({ locale: 'en', path: '/categories' });
    // A path that merely starts with the letters is English.
    expect(splitLocalePath('/estate')).toEqual({ locale: 'en', path: '/estate' });
    expect(splitLocalePath('/')).toEqual({ locale: 'en', path: '/' });
  });
});

describe('localizedHref', () => {
  it('keeps English links as they are', () => {
    expect(localizedHref('en', '/categories?fy=2026')).toBe('/categories?fy=2026');
  });

  it('sends a Spanish page’s link to the Spanish page when it is translated, with its query and fragment', () => {
    expect(isTranslatedPath('/categories')).toBe(true);
    expect(localizedHref('es', '/categories')).toBe('/es/categories');
    expect(localizedHref('es', '/categories?fy=2026&framework=exhibit-e#x')).toBe('/es/categories?fy=2026&framework=exhibit-e#x');
    expect(localizedHref('es', '/l/alder-county/decisions?fy=2026')).toBe('/es/l/alder-county/decisions?fy=2026');
    expect(localizedHref('es', '/l/alder-county/outcomes?fy=2026')).toBe('/es/l/alder-county/outcomes?fy=2026');
    expect(localizedHref('es', '/l/alder-county/lines/7')).toBe('/es/l/alder-county/lines/7');
    expect(localizedHref('es', '/categories/health-first/moud?fy=2026')).toBe('/es/categories/health-first/moud?fy=2026');
  });

  it('sends a link to a page not yet translated to the English page, never a half-Spanish one', () => {
    expect(localizedHref('es', '/staff')).toBe('/staff');
    expect(localizedHref('es', '/sign-in')).toBe('/sign-in');
    // Public addresses with no Spanish version: an open-data download and the locality's Atom feed.
    expect(localizedHref('es', '/data/alder-county/datapackage.json')).toBe('/data/alder-county/datapackage.json');
    expect(localizedHref('es', '/l/alder-county/feed.xml')).toBe('/l/alder-county/feed.xml');
    expect(hrefLocale(localizedHref('es', '/staff'))).toBe('en');
  });

  it('leaves off-site, protocol-relative, anchor and already-prefixed links alone', () => {
    expect(localizedHref('es', 'https://example.org/categories')).toBe('https://example.org/categories');
    expect(localizedHref('es', '//example.org/categories')).toBe('//example.org/categories');
    expect(localizedHref('es', '#lines')).toBe('#lines');
    expect(localizedHref('es', '/es/categories')).toBe('/es/categories');
  });
});

describe('languageAlternates', () => {
  it('gives the same path and query in each language', () => {
    expect(languageAlternates('/categories', '?fy=2026')).toEqual({ en: '/categories?fy=2026', es: '/es/categories?fy=2026' });
    expect(languageAlternates('/', '')).toEqual({ en: '/', es: '/es' });
  });
});

describe('routeForPath (what the proxy does)', () => {
  it('serves a translated Spanish page from the English path, redirects an untranslated one, leaves English alone', () => {
    expect(routeForPath('/es/categories')).toEqual({ kind: 'translated', locale: 'es', path: '/categories' });
    expect(routeForPath('/es/staff/users')).toEqual({ kind: 'untranslated', path: '/staff/users' });
    expect(routeForPath('/es')).toEqual({ kind: 'translated', locale: 'es', path: '/' });
    expect(routeForPath('/es/sign-in')).toEqual({ kind: 'untranslated', path: '/sign-in' });
    expect(routeForPath('/categories')).toEqual({ kind: 'default' });
  });
});

describe('localeFromHeader', () => {
  it('takes only a known locale, English otherwise', () => {
    expect(localeFromHeader('es')).toBe('es');
    expect(localeFromHeader('fr')).toBe('en');
    expect(localeFromHeader(null)).toBe('en');
  });

  it('maps next-intl’s Intl locale back to the short code', () => {
    expect(localeFromIntl('es-US')).toBe('es');
    expect(localeFromIntl('en-US')).toBe('en');
    expect(localeFromIntl('es')).toBe('es');
    expect(localeFromIntl('fr-FR')).toBe('en');
  });
});
