/**
 * The message files, one per language (messages/*.json), namespaced per page or component. Static imports: both
 * are small, and every bundle then has them without reading files at run time.
 */
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import type { Locale } from './locales';

export type Messages = typeof en;

const MESSAGES: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/**
 * A translation function as lib's view functions take it: next-intl's `t` (from `getTranslations`) fits it, and so
 * does a plain function in a unit test. lib never imports next-intl.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a view function that writes words takes: a translator over all namespaces ("Decisions.summaryKinds",
 * "PublicActor.editor") and the locale for money and numbers. A page gets it from `viewWords()`
 * (app/_lib/page-locale.ts); a unit test from `wordsFor()` (lib/i18n/testing.ts).
 */
export interface ViewWords {
  t: Translate;
  locale: Locale;
}
