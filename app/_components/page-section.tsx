// Server-compatible (no 'use client'): a section of a public page, named by its <h2> (aria-labelledby), so a screen
// reader lists it among the page's regions and the "On this page" links (`#{headingId}`) land on its heading. Other
// attributes of the <section> (id, className, data-testid) pass through as given.
import type { ComponentProps, ReactNode } from 'react';

export function PageSection({
  headingId,
  heading,
  children,
  ...section
}: { headingId: string; heading: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'aria-labelledby' | 'children'>) {
  return (
    <section aria-labelledby={headingId} {...section}>
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}
