// Server-compatible (no 'use client'): a legend of coloured swatches with their names, in stacking order.
export function ChartLegend({ items }: { items: { name: string; color: string }[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className="chart-swatch" style={{ background: item.color, borderColor: item.color }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
