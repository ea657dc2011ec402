'use client';

// Error boundary for route segments. It deliberately never shows the error's
// message, digest or stack to the public: those can leak internal details.
// Next 16 passes `retry` (re-fetch and re-render) and `reset` (re-render only).

import Link from 'next/link';
import { useEffect, useRef } from 'react';

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the message so keyboard and screen-reader users learn that
  // the page content was replaced.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="status-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Something went wrong
      </h1>
      <p className="lede">This page could not be loaded. Please try again. If the problem continues, try again later.</p>
      <p className="error-actions">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>{' '}
        <Link href="/" className="button button--secondary">
          Go to localities
        </Link>
      </p>
    </div>
  );
}
