import { getLocale, getTranslations } from 'next-intl/server';
import { localeFromIntl, type Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { languageAlternates } from '@/lib/i18n/routes';

/** The page's locale, as the proxy named it (i18n/request.ts); English for staff pages and anything else. */
export async function pageLocale(): Promise<Locale> {
  return localeFromIntl(await getLocale());
}

/** `alternates.languages` for a translated page: the same path and query in every language (hreflang links). */
export function languageMetadata(path: string, search: string): { alternates: { languages: Record<string, string> } } {
  return { alternates: { languages: languageAlternates(path, search) } };
}

/** The words for a view function (lib/i18n/messages.ts ViewWords): a translator over every namespace, and the locale. */
export async function viewWords(): Promise<ViewWords> {
  const [t, locale] = await Promise.all([getTranslations(), pageLocale()]);
  return { t: (key, values) => t(key, values), locale };
}
