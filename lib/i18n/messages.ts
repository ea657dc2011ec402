/**
 * The messages of each language (messages/{locale}/*.json, one file per page or area, merged here), namespaced per
 * page or component. Static imports: they are small, and every bundle then has them without reading files at run
 * time.
 */
import { MESSAGE_FILES as EN_FILES } from '@/messages/en';
import { MESSAGE_FILES as ES_FILES } from '@/messages/es';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;

/** One object of namespaces from a language's files; a namespace found in two files is a mistake, refused here. */
export function mergeMessageFiles(files: Record<string, object>): Messages {
  const merged: Messages = {};
  for (const [file, namespaces] of Object.entries(files)) {
    for (const [namespace, messages] of Object.entries(namespaces)) {
      if (namespace in merged) throw new Error(`Message namespace ${namespace} is in two files (one is ${file}.json)`);
      merged[namespace] = messages;
    }
  }
  return merged;
}

const MESSAGES: Record<Locale, Messages> = { en: mergeMessageFiles(EN_FILES), es: mergeMessageFiles(ES_FILES) };

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
