/**
 * The SVG of the reach-parity chart, in the server's HTML (ADR 0014; hbar-chart-svg.tsx): per group, its share of
 * people served (solid) and of overdose deaths (hatched). Shares are exact decimal strings, Numbers only for
 * geometry; a withheld share draws no bar.
 *
 * Test hooks: every bar is <rect data-testid="reach-bar" data-series="served|deaths" data-group data-share>.
 */

import { countWords } from '@/lib/data/board-words';
import type { PublicReachGroup } from '@/lib/equity/reach';
import { numberAxis } from '@/lib/views/chart-axis';
import { REACH_COLORS } from './chart-constants';
import { HBarChartSvg } from './hbar-chart-svg';

export interface ReachParitySvgProps {
  title: string;
  groups: readonly PublicReachGroup[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
}

const percentText = (share: string | null) => (share === null ? 'withheld' : `${share}%`);
const num = (share: string | null) => (share === null ? null : Number(share));

export function ReachParitySvg({ title, groups, patternId }: ReachParitySvgProps) {
  const axis = numberAxis(Math.max(1, ...groups.flatMap((g) => [num(g.served_share) ?? 0, num(g.deaths_share) ?? 0])));
  return (
    <HBarChartSvg
      title={title}
      ariaLabel={`${title}. Bar chart, two bars per group.`}
      axis={{ end: axis.end, ticks: axis.ticks.map((t) => ({ key: String(t.value), label: `${t.value}%`, at: t.at })) }}
      rows={groups.map((g) => ({
        key: g.group_key,
        label: g.label,
        title: `${g.label}: ${countWords(g.people_served)} people served (${percentText(g.served_share)}), ${countWords(g.deaths) ?? 'not known'} overdose deaths (${percentText(g.deaths_share)}), ratio ${g.ratio ?? '—'}`,
        bars: [
          {
            value: num(g.served_share),
            fill: REACH_COLORS.served,
            label: `${g.label} — share of people served ${percentText(g.served_share)}`,
            data: { 'data-testid': 'reach-bar', 'data-series': 'served', 'data-group': g.group_key, 'data-share': g.served_share ?? '' },
          },
          {
            value: num(g.deaths_share),
            fill: `url(#${patternId})`,
            stroke: REACH_COLORS.deaths,
            strokeWidth: 1.5,
            label: `${g.label} — share of overdose deaths ${percentText(g.deaths_share)}`,
            data: { 'data-testid': 'reach-bar', 'data-series': 'deaths', 'data-group': g.group_key, 'data-share': g.deaths_share ?? '' },
          },
        ],
      }))}
    />
  );
}
