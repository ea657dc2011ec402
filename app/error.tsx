'use client';

// Error boundary for route segments. It deliberately never shows the error's message, digest or stack to the
// public: those can leak internal details. Next 16 passes `retry` (re-fetch and re-render) and `reset`.
//
// In production Next replaces a server component's error with a generic one, keeping only `digest`. So the page
// learns that the database is down either from our own digest (DatabaseUnavailable sets it) or, for an error the
// driver raised without it, by asking /api/health, which answers 503 while the database cannot be reached.

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/errors';
import { localeFromIntl } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';

type Cause = 'unknown' | 'database-unavailable';

function useCause(error: unknown): Cause {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const fromDigest = digest === DATABASE_UNAVAILABLE_DIGEST;
  const [health, setHealth] = useState<Cause>('unknown');
  useEffect(() => {
    if (fromDigest) return;
    const controller = new AbortController();
    fetch('/api/health', { cache: 'no-store', signal: controller.signal })
      .then((response) => {
        if (response.status === 503) setHealth('database-unavailable');
      })
      .catch(() => undefined); // the server itself is unreachable: the generic wording is right
    return () => controller.abort();
  }, [fromDigest]);
  return fromDigest ? 'database-unavailable' : health;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cause = useCause(error);
  // The messages come from the root layout's NextIntlClientProvider; global-error.tsx, outside it, brings English.
  const t = useTranslations('Error');
  const locale = useLocale();

  // Move focus to the message so keyboard and screen-reader users learn that the page content was replaced.
  useEffect(() => {
    headingRef.current?.focus();
  }, [cause]);

  return (
    <div className="status-page" data-error-cause={cause}>
      {cause === 'database-unavailable' ? (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('databaseHeading')}
          </h1>
          <p className="lede">{t('databaseLede')}</p>
        </>
      ) : (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('heading')}
          </h1>
          <p className="lede">{t('lede')}</p>
        </>
      )}
      <p className="error-actions">
        <button type="button" className="button" onClick={() => retry()}>
          {t('retry')}
        </button>{' '}
        {/* A whole-document load: the retry is the in-app action, and this link may change language. */}
        <a href={localizedHref(localeFromIntl(locale), '/')} className="button button--secondary">
          {t('home')}
        </a>
      </p>
    </div>
  );
}
