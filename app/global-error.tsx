'use client';

// Replaces the root layout when the layout itself fails, so it brings its own <html> and <body>, and its own
// messages: the layout's NextIntlClientProvider is gone with the layout. It speaks English (the layout, which knew
// the page's language, is what failed). The wording and the database check are those of app/error.tsx.

import { NextIntlClientProvider } from 'next-intl';
import shared from '@/messages/en/shared.json';
import './globals.css';
import ErrorPage from './error';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <NextIntlClientProvider locale="en-US" messages={{ Error: shared.Error }}>
          <main id="main">
            <ErrorPage error={error} retry={retry} />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
