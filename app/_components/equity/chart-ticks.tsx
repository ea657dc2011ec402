'use client';

// Axis ticks shared by the equity charts' SVG modules (loaded with Recharts, on demand).

import { wrapWords } from '@/lib/views/chart-axis';

const COLOR_TEXT = '#14233c';

/** Break a label into at most two lines for the category axis (wrapWords), the rest of the second line ellipsed. */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines = wrapWords(label, maxChars);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0] ?? '', `${second.slice(0, maxChars - 1).trimEnd()}…`];
}

/** A category-axis tick: the label on up to two lines, with the whole label as its title. */
export function WrappedTick({ x, y, label, maxChars = 20 }: { x: number | string; y: number | string; label: string; maxChars?: number }) {
  const lines = wrapLabel(label, maxChars);
  const lineHeight = 14;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fill={COLOR_TEXT} fontSize={12} dominantBaseline="middle">
      <title>{label}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
