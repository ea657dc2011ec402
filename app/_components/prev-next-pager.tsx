// Server-compatible (no 'use client'): the pager under a list of many pages (the lines table, the decisions page):
// the neighbouring pages as plain links, so it works without JavaScript, and an end that cannot be followed shown as
// text, muted and aria-disabled. The words come from the caller, in the page's language.
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface PagerEnd {
  /** The neighbouring page's address, or null at this end. */
  href: string | null;
  /** The link's content. */
  link: ReactNode;
  /** What stands in its place at this end. */
  text: ReactNode;
}

function End({ end, rel }: { end: PagerEnd; rel: 'prev' | 'next' }) {
  return end.href !== null ? (
    <Link href={end.href} rel={rel}>
      {end.link}
    </Link>
  ) : (
    <span className="muted" aria-disabled="true">
      {end.text}
    </span>
  );
}

export function PrevNextPager({ label, testId, position, previous, next }: { label: string; testId: string; position: string; previous: PagerEnd; next: PagerEnd }) {
  return (
    <nav className="pagination no-print" aria-label={label} data-testid={testId}>
      <End end={previous} rel="prev" />
      <span aria-current="page">{position}</span>
      <End end={next} rel="next" />
    </nav>
  );
}
