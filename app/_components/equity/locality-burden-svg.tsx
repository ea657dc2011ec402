/**
 * The SVG of the money-per-death chart across localities, in the server's HTML (ADR 0014; hbar-chart-svg.tsx).
 * Allocated (hatched) and spent (solid) are two bars, never added together. Amounts are cents as strings, Numbers
 * only for geometry; every label comes from the exact BigInt, the ticks from moneyAxis (nice and distinct).
 *
 * Test hooks: <rect data-testid="burden-bar" data-series data-locality data-cents>.
 */

import { formatCents } from '@/lib/money';
import { moneyAxis } from '@/lib/views/chart-axis';
import { BURDEN_COLORS } from './chart-constants';
import { HBarChartSvg } from './hbar-chart-svg';

export interface BurdenDatum {
  key: string;
  label: string;
  /** Cents per death, or null when it cannot be computed (or rests on small counts). */
  allocatedCents: string | null;
  spentCents: string | null;
}

export interface LocalityBurdenSvgProps {
  title: string;
  data: readonly BurdenDatum[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
}

const cents = (value: string | null) => (value === null ? null : Number(BigInt(value)));
const money = (value: string | null) => (value === null ? 'cannot be computed' : formatCents(BigInt(value)));

export function LocalityBurdenSvg({ title, data, patternId }: LocalityBurdenSvgProps) {
  const axis = moneyAxis(Math.max(1, ...data.flatMap((d) => [cents(d.allocatedCents) ?? 0, cents(d.spentCents) ?? 0])));
  return (
    <HBarChartSvg
      title={title}
      ariaLabel={`${title}. Bar chart, two bars per locality.`}
      axis={{ end: axis.maxCents, ticks: axis.ticks.map((t) => ({ key: String(t.cents), label: t.label, at: t.at })) }}
      rows={data.map((d) => ({
        key: d.key,
        label: d.label,
        title: `${d.label}: ${money(d.allocatedCents)} allocated and ${money(d.spentCents)} spent per overdose death`,
        bars: (['allocated', 'spent'] as const).map((series) => {
          const value = series === 'allocated' ? d.allocatedCents : d.spentCents;
          return {
            value: cents(value),
            fill: series === 'allocated' ? `url(#${patternId})` : BURDEN_COLORS.spent,
            stroke: series === 'allocated' ? BURDEN_COLORS.allocated : BURDEN_COLORS.spent,
            strokeWidth: series === 'allocated' ? 1.5 : 0,
            label: `${d.label} — ${series} per death ${money(value)}`,
            data: { 'data-testid': 'burden-bar', 'data-series': series, 'data-locality': d.key, 'data-cents': value ?? '' },
          };
        }),
      }))}
    />
  );
}
