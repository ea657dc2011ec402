/**
 * next-intl's request configuration, "without i18n routing": the app's folders are not split by locale. The proxy
 * rewrites `/es/…` to the English path and names the locale in a request header (lib/i18n/locales.ts), which this
 * reads. See docs/adr/0016-spanish-pages-with-next-intl.md.
 */
import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { hasProvenLocale } from '@/lib/i18n/locale-header';
import { FORMAT_LOCALE, LOCALE_HEADER, localeFromHeader } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  // Only the proxy picks the language (lib/i18n/locale-header.ts); anything else is English.
  const locale = localeFromHeader(hasProvenLocale(requestHeaders) ? requestHeaders.get(LOCALE_HEADER) : null);
  return {
    // The Intl locale ("es-US"), so numbers and plurals in messages are written as lib/money writes them (es alone
    // would write 1000 where es-US writes 1,000). pageLocale() maps it back to the short code.
    locale: FORMAT_LOCALE[locale],
    messages: messagesFor(locale),
    // A missing message must never blank a public page: it is logged and shown as its key. The completeness test
    // (lib/i18n/messages.test.ts) is what keeps every key translated.
    onError: (error) => console.error(`next-intl: ${error.message}`),
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});
