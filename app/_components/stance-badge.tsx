// Server-compatible (no 'use client'): a category's stance in words with an icon — never in colour alone.
import { STANCE_TEXT, type Stance } from '@/lib/categories/labels';

export function StanceBadge({ stance, short = false }: { stance: Stance; short?: boolean }) {
  const text = STANCE_TEXT[stance];
  return (
    <span className={`stance stance--${stance}`} data-stance={stance}>
      <span className="stance__icon" aria-hidden="true">
        {text.icon}
      </span>
      {short ? text.short : text.label}
    </span>
  );
}
