'use client';

// Replaces the root layout when the layout itself fails, so it brings its own <html> and <body>. The wording and
// the database check are those of app/error.tsx.

import './globals.css';
import ErrorPage from './error';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <ErrorPage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
