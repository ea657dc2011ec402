// Server-compatible (no 'use client'): renders big-number cards as a <dl>. Labels come in the reader's words; money is
// written per `locale` (English where a caller gives none, e.g. the staff pages).
import type { Locale } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';

export interface TotalsCardItem {
  label: string;
  /** Integer cents as a decimal string, e.g. "123456" = $1,234.56. */
  cents: string;
  note?: string;
  /** Put on the value element (<dd>) together with data-cents. */
  testId?: string;
}

export function TotalsCards({ items, locale }: { items: TotalsCardItem[]; locale?: Locale }) {
  return (
    <dl className="totals-cards">
      {items.map((item) => (
        <div className="totals-card" key={item.label}>
          <dt className="totals-card__label">{item.label}</dt>
          <dd className="totals-card__value" data-testid={item.testId} data-cents={item.cents}>
            {formatCents(BigInt(item.cents), { locale })}
          </dd>
          {item.note ? <dd className="totals-card__note">{item.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
