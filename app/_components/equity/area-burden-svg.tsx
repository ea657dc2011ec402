'use client';

/** The SVG of the deaths-by-area chart (Recharts 3), loaded on demand by burden-charts.tsx. */

import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { countWords } from '@/lib/data/board-words';
import { AREA_COLOR, BAR_MARGIN } from './chart-constants';
import { WrappedTick } from './chart-ticks';

export interface AreaView {
  group_key: string;
  label: string;
  population: string | null;
  overdose_deaths: string | null;
  deaths_per_100k: string | null;
  deaths_share: string | null;
}

export interface AreaBurdenSvgProps {
  title: string;
  summary: string;
  areas: readonly AreaView[];
  width: number;
  height: number;
}

interface Datum {
  key: string;
  label: string;
  rate: number | null;
  area: AreaView;
}

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';

function AreaRect(props: BarShapeProps) {
  const d = props.payload as Datum | undefined;
  const { x, y, width, height } = props;
  if (!d || d.rate === null || ![x, y, width, height].every(Number.isFinite)) return null;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 0)}
      fill={AREA_COLOR}
      data-testid="area-bar"
      data-area={d.key}
      data-rate={d.area.deaths_per_100k ?? ''}
    />
  );
}

function AreaTooltip({ active, payload }: TooltipContentProps) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{d.label}</p>
      <dl>
        <dt>Residents</dt>
        <dd>{countWords(d.area.population) ?? 'not known'}</dd>
        <dt>Overdose deaths</dt>
        <dd>{countWords(d.area.overdose_deaths) ?? 'not known'}</dd>
        <dt>Per 100,000</dt>
        <dd>{d.area.deaths_per_100k ?? 'withheld'}</dd>
      </dl>
    </div>
  );
}

export default function AreaBurdenSvg({ title, summary, areas, width, height }: AreaBurdenSvgProps) {
  const data = useMemo<Datum[]>(
    () => areas.map((area) => ({ key: area.group_key, label: area.label, rate: area.deaths_per_100k === null ? null : Number(area.deaths_per_100k), area })),
    [areas],
  );
  const labelByKey = useMemo(() => new Map(data.map((d) => [d.key, d.label])), [data]);
  const renderTick = useCallback(
    (props: { x: number | string; y: number | string; payload: { value: unknown } }) => {
      const key = String(props.payload.value);
      return <WrappedTick x={Number(props.x) - 4} y={props.y} label={labelByKey.get(key) ?? key} />;
    },
    [labelByKey],
  );
  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={BAR_MARGIN}
      barCategoryGap="22%"
      accessibilityLayer
      title={title}
      desc={summary}
      aria-label={`${title}. Bar chart, one bar per area.`}
    >
      <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
      <XAxis type="number" height={30} tick={{ fill: COLOR_TEXT, fontSize: 12 }} stroke={COLOR_GRID} />
      <YAxis type="category" dataKey="key" width={150} tick={renderTick} tickLine={false} stroke={COLOR_GRID} interval={0} />
      <Tooltip content={AreaTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
      <Bar dataKey="rate" name="Deaths per 100,000 residents" fill={AREA_COLOR} shape={AreaRect} isAnimationActive={false} />
    </BarChart>
  );
}
