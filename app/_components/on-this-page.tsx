// Server-compatible (no 'use client'): a compact list of links to a long page's sections, by their heading ids.
// Hidden in print, where in-page links lead nowhere. `label` names it in the page's language ("On this page").

export interface OnThisPageItem {
  /** The id of the section's heading (or of the section). */
  id: string;
  label: string;
}

export function OnThisPage({ items, label }: { items: readonly OnThisPageItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label={label} className="on-this-page no-print" data-testid="on-this-page">
      <span className="on-this-page__label" aria-hidden="true">
        {label}:
      </span>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>{item.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
