/**
 * For unit tests only: the words a page would get, from the message files, through next-intl's framework-free
 * `createTranslator` (the same ICU formatting the pages use). lib's own code never imports next-intl.
 */
import { createTranslator } from 'next-intl';
import { FORMAT_LOCALE, type Locale } from './locales';
import { messagesFor, type ViewWords } from './messages';

export function wordsFor(locale: Locale = 'en'): ViewWords {
  const t = createTranslator({ locale: FORMAT_LOCALE[locale], messages: messagesFor(locale) });
  return { t: (key, values) => t(key as never, values as never), locale };
}
