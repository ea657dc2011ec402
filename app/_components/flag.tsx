// Server-compatible (no 'use client'): a visible flag — a warning icon AND words, so it never relies on colour.
import type { ReactNode } from 'react';

export function Flag({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span className="flag" data-testid={testId}>
      <span className="flag__icon" aria-hidden="true">
        ⚠
      </span>
      {children}
    </span>
  );
}
