'use client';

/**
 * The SVG of the reach-parity chart (Recharts 3), loaded on demand by reach-parity-chart.tsx. Shares are exact
 * decimal strings, Numbers only for geometry; a withheld share draws no bar.
 */

import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { countWords } from '@/lib/data/board-words';
import type { PublicReachGroup } from '@/lib/equity/reach';
import { BAR_MARGIN, REACH_COLORS } from './chart-constants';
import { WrappedTick } from './chart-ticks';

export interface ReachParitySvgProps {
  title: string;
  summary: string;
  groups: readonly PublicReachGroup[];
  /** id of the hatch <pattern> the shell renders next to the chart. */
  patternId: string;
  width: number;
  height: number;
}

type Series = 'served' | 'deaths';

interface Datum {
  key: string;
  label: string;
  served: number | null;
  deaths: number | null;
  group: PublicReachGroup;
}

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

const percentText = (share: string | null) => (share === null ? 'withheld' : `${share}%`);

function ReachRect({ props, series, patternId }: { props: BarShapeProps; series: Series; patternId: string }) {
  const d = props.payload as Datum | undefined;
  if (!d) return null;
  const share = series === 'served' ? d.group.served_share : d.group.deaths_share;
  if (share === null) return null;
  const { x, y, width, height } = props;
  if (![x, y, width, height].every(Number.isFinite)) return null;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 0)}
      fill={series === 'served' ? REACH_COLORS.served : `url(#${patternId})`}
      stroke={series === 'served' ? REACH_COLORS.served : REACH_COLORS.deaths}
      strokeWidth={series === 'served' ? 0 : 1.5}
      data-testid="reach-bar"
      data-series={series}
      data-group={d.key}
      data-share={share}
    />
  );
}

function ReachTooltip({ active, payload }: TooltipContentProps) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{d.label}</p>
      <dl>
        <dt>People served</dt>
        <dd>
          {countWords(d.group.people_served)} ({percentText(d.group.served_share)})
        </dd>
        <dt>Overdose deaths</dt>
        <dd>
          {countWords(d.group.deaths) ?? 'not known'} ({percentText(d.group.deaths_share)})
        </dd>
        <dt>Ratio</dt>
        <dd>{d.group.ratio ?? '—'}</dd>
      </dl>
    </div>
  );
}

export default function ReachParitySvg({ title, summary, groups, patternId, width, height }: ReachParitySvgProps) {
  const data = useMemo<Datum[]>(
    () =>
      groups.map((group) => ({
        key: group.group_key,
        label: group.label,
        served: group.served_share === null ? null : Number(group.served_share),
        deaths: group.deaths_share === null ? null : Number(group.deaths_share),
        group,
      })),
    [groups],
  );
  const labelByKey = useMemo(() => new Map(data.map((d) => [d.key, d.label])), [data]);
  const renderTick = useCallback(
    (props: { x: number | string; y: number | string; payload: { value: unknown } }) => {
      const key = String(props.payload.value);
      return <WrappedTick x={Number(props.x) - 4} y={props.y} label={labelByKey.get(key) ?? key} />;
    },
    [labelByKey],
  );
  const renderServed = useCallback((props: BarShapeProps) => <ReachRect props={props} series="served" patternId={patternId} />, [patternId]);
  const renderDeaths = useCallback((props: BarShapeProps) => <ReachRect props={props} series="deaths" patternId={patternId} />, [patternId]);

  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={BAR_MARGIN}
      barCategoryGap="18%"
      barGap={2}
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Bar chart, two bars per group.`}
    >
      <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
      <XAxis type="number" height={30} domain={[0, 'auto']} tickFormatter={(v: number) => `${v}%`} tick={{ fill: COLOR_TEXT, fontSize: 12 }} stroke={COLOR_GRID} />
      <YAxis type="category" dataKey="key" width={150} tick={renderTick} tickLine={false} stroke={COLOR_GRID} interval={0} />
      <Tooltip content={ReachTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      <Bar dataKey="served" name="Share of people served" fill={REACH_COLORS.served} shape={renderServed} isAnimationActive={false} />
      <Bar dataKey="deaths" name="Share of overdose deaths" fill={REACH_COLORS.deaths} shape={renderDeaths} isAnimationActive={false} />
    </BarChart>
  );
}
