// Server-compatible: the reader's words for lib's word helpers (lib/equity/goal-words.ts, flagText) inside a
// component, from next-intl's hooks: the request's messages on the server, the root layout's provider on the client.
import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';

export function useViewWords(): ViewWords {
  const t = useTranslations();
  const locale = localeFromIntl(useLocale());
  return { t: (key, values) => t(key, values), locale };
}
