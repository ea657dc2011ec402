import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { FORMAT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

/** What the root layout gives client components (their messages), for rendering one in a unit test. */
export function WithMessages({ locale = 'en', children }: { locale?: Locale; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={FORMAT_LOCALE[locale]} messages={messagesFor(locale)}>
      {children}
    </NextIntlClientProvider>
  );
}
