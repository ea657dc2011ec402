// Server-compatible (no 'use client'): a category's stance in words with an icon — never in colour alone.
import type { Stance } from '@/lib/categories/labels';
import { stanceText } from '@/lib/categories/localized';
import type { Locale } from '@/lib/i18n/locales';

export function StanceBadge({ stance, short = false, locale = 'en' }: { stance: Stance; short?: boolean; locale?: Locale }) {
  const text = stanceText(locale, stance);
  return (
    <span className={`stance stance--${stance}`} data-stance={stance}>
      <span className="stance__icon" aria-hidden="true">
        {text.icon}
      </span>
      {short ? text.short : text.label}
    </span>
  );
}
