// Server-compatible (no 'use client'): a compact list of links to a long page's sections, by their heading ids.
// Hidden in print, where in-page links lead nowhere.

export interface OnThisPageItem {
  /** The id of the section's heading (or of the section). */
  id: string;
  label: string;
}

export function OnThisPage({ items }: { items: readonly OnThisPageItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="On this page" className="on-this-page no-print" data-testid="on-this-page">
      <span className="on-this-page__label" aria-hidden="true">
        On this page:
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
