// Server-compatible (no 'use client'): a legend of swatches with their names, in stacking order. A swatch is filled
// with its `color`, or drawn by its `swatchClass` (a hatch, a dashed target line: globals.css).
// `label` names the list in the reader's language (the Charts.legend message); "Legend" where a caller gives none.
export interface LegendItem {
  name: string;
  color?: string;
  /** A class beside "chart-swatch" that draws the swatch. */
  swatchClass?: string;
}

export function ChartLegend({ items, label = 'Legend', className }: { items: readonly LegendItem[]; label?: string; className?: string }) {
  return (
    <ul className={className ? `chart-legend ${className}` : 'chart-legend'} aria-label={label}>
      {items.map((item) => (
        <li key={item.name}>
          <span
            className={item.swatchClass ? `chart-swatch ${item.swatchClass}` : 'chart-swatch'}
            {...(item.color ? { style: { background: item.color, borderColor: item.color } } : {})}
            aria-hidden="true"
          />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
