// Server-compatible (no 'use client'): a legend of coloured swatches with their names, in stacking order.
// `label` names the list in the reader's language (the Charts.legend message); "Legend" where a caller gives none.
export function ChartLegend({ items, label = 'Legend' }: { items: { name: string; color: string }[]; label?: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.name}>
          <span className="chart-swatch" style={{ background: item.color, borderColor: item.color }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
