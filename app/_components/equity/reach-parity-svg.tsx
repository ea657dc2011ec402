/**
 * The SVG of the reach-parity chart, in the server's HTML (ADR 0014; hbar-chart-svg.tsx): per group, its share of
 * people served (solid) and of overdose deaths (hatched). Shares are exact decimal strings, Numbers only for
 * geometry; a withheld share draws no bar.
 *
 * Test hooks: every bar is <rect data-testid="reach-bar" data-series="served|deaths" data-group data-share>.
 */

import { countWords } from '@/lib/data/board-words';
import type { Translate } from '@/lib/i18n/messages';
import type { PublicReachGroup } from '@/lib/equity/reach';
import { numberAxis } from '@/lib/views/chart-axis';
import { REACH_COLORS } from './chart-constants';
import { HBarChartSvg } from './hbar-chart-svg';

export interface ReachParitySvgProps {
  title: string;
  groups: readonly PublicReachGroup[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
  /** The EquityCharts messages, from the chart (this SVG uses no hooks). */
  t: Translate;
}

const num = (share: string | null) => (share === null ? null : Number(share));

export function ReachParitySvg({ title, groups, patternId, t }: ReachParitySvgProps) {
  const percentText = (share: string | null) => (share === null ? t('withheld') : `${share}%`);
  const axis = numberAxis(Math.max(1, ...groups.flatMap((g) => [num(g.served_share) ?? 0, num(g.deaths_share) ?? 0])));
  return (
    <HBarChartSvg
      title={title}
      ariaLabel={t('reach.ariaLabel', { title })}
      axis={{ end: axis.end, ticks: axis.ticks.map((tick) => ({ key: String(tick.value), label: `${tick.value}%`, at: tick.at })) }}
      rows={groups.map((g) => ({
        key: g.group_key,
        label: g.label,
        title: t('reach.rowTitle', {
          group: g.label,
          served: countWords(g.people_served) ?? '',
          servedShare: percentText(g.served_share),
          deaths: countWords(g.deaths) ?? t('notKnown'),
          deathsShare: percentText(g.deaths_share),
          ratio: g.ratio ?? '—',
        }),
        bars: [
          {
            value: num(g.served_share),
            fill: REACH_COLORS.served,
            label: t('reach.barServed', { group: g.label, share: percentText(g.served_share) }),
            data: { 'data-testid': 'reach-bar', 'data-series': 'served', 'data-group': g.group_key, 'data-share': g.served_share ?? '' },
          },
          {
            value: num(g.deaths_share),
            fill: `url(#${patternId})`,
            stroke: REACH_COLORS.deaths,
            strokeWidth: 1.5,
            label: t('reach.barDeaths', { group: g.label, share: percentText(g.deaths_share) }),
            data: { 'data-testid': 'reach-bar', 'data-series': 'deaths', 'data-group': g.group_key, 'data-share': g.deaths_share ?? '' },
          },
        ],
      }))}
    />
  );
}
