// Server-compatible (no 'use client'): plain links, so the switch works without JavaScript.
import { getTranslations } from 'next-intl/server';
import { LOCALE_NAME, LOCALES, type Locale } from '@/lib/i18n/locales';
import { languageAlternates } from '@/lib/i18n/routes';

/**
 * Links to this page in the other languages: same path, same query. Plain <a>: changing language loads a whole
 * document, so the shared layout (<html lang>, navigation) changes too (see LocaleLink).
 */
export async function LanguageSwitch({ locale, path, search }: { locale: Locale; path: string; search: string }) {
  const t = await getTranslations('LanguageSwitch');
  const hrefs = languageAlternates(path, search);
  return (
    <nav aria-label={t('label')} className="language-switch" data-testid="language-switch">
      <ul>
        {LOCALES.filter((other) => other !== locale).map((other) => (
          <li key={other}>
            <a href={hrefs[other]} hrefLang={other} lang={other}>
              {LOCALE_NAME[other]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
