'use client';

/**
 * Reach parity: for each race/ethnicity group, its share of the people served by approved programs beside its share
 * of overdose deaths (Recharts 3, horizontal bars side by side), with a text summary and its data table.
 *
 * Takes the PUBLIC shape (`toPublicReach`): a count of 1–10 arrives as "fewer than 11" and the shares computed from
 * it as null, so the bar is left out and the table says why. Shares become Numbers only for geometry.
 *
 * Test hooks: every bar is <rect data-testid="reach-bar" data-series="served|deaths" data-group data-share>.
 */

import { useCallback, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { useIsClient } from '@/app/_components/use-is-client';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import type { PublicReachGroup } from '@/lib/equity/reach';

export interface PublicReachView {
  fiscal_year: number;
  groups: PublicReachGroup[];
  served_total: string;
  deaths_total: string | null;
  missing: string[];
}

type Series = 'served' | 'deaths';

interface Datum {
  key: string;
  label: string;
  served: number | null;
  deaths: number | null;
  servedShare: string | null;
  deathsShare: string | null;
  group: PublicReachGroup;
}

const COLOR_SERVED = '#1f3a68';
const COLOR_DEATHS = '#a35200';
const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';
const ROW_HEIGHT = 44;
const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };

const SERIES_LABEL: Record<Series, string> = {
  served: 'Share of people served',
  deaths: 'Share of overdose deaths',
};

/** Break a label into at most two lines for the category axis. */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length > maxChars && current) {
      lines.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current) lines.push(current);
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

const percentText = (share: string | null) => (share === null ? 'withheld' : `${share}%`);

function ReachRect({ props, series, patternId }: { props: BarShapeProps; series: Series; patternId: string }) {
  const d = props.payload as Datum | undefined;
  if (!d) return null;
  const share = series === 'served' ? d.servedShare : d.deathsShare;
  if (share === null) return null;
  const { x, y, width, height } = props;
  if (![x, y, width, height].every(Number.isFinite)) return null;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 0)}
      fill={series === 'served' ? COLOR_SERVED : `url(#${patternId})`}
      stroke={series === 'served' ? COLOR_SERVED : COLOR_DEATHS}
      strokeWidth={series === 'served' ? 0 : 1.5}
      data-testid="reach-bar"
      data-series={series}
      data-group={d.key}
      data-share={share}
    />
  );
}

export function reachSummary(reach: PublicReachView): string {
  if (reach.groups.length === 0) return `No people served or overdose deaths by race/ethnicity are recorded for FY${reach.fiscal_year}.`;
  const parts: string[] = [];
  const below = reach.groups.filter((g) => g.ratio !== null && (decimalToUnits(g.ratio, 'ratio') ?? 0n) < 8_000n);
  if (below.length > 0) {
    parts.push(
      `Reached less than 0.8 times their share of overdose deaths: ${below
        .map((g) => `${g.label} (${percentText(g.served_share)} of people served, ${percentText(g.deaths_share)} of deaths)`)
        .join('; ')}.`,
    );
  } else if (reach.groups.some((g) => g.ratio !== null)) {
    parts.push('Every group with enough data is reached at least 0.8 times its share of overdose deaths.');
  }
  const withheld = reach.groups.filter((g) => g.suppressed).map((g) => g.label);
  if (withheld.length > 0) parts.push(`Counts of fewer than 11 hide some figures for: ${withheld.join('; ')}.`);
  if (reach.missing.length > 0) parts.push(`Missing: ${reach.missing.join('; ')}.`);
  return `FY${reach.fiscal_year}: ${countWords(reach.served_total)} people served and ${countWords(reach.deaths_total) ?? 'an unknown number of'} overdose deaths. ${parts.join(' ')}`.trim();
}

const COLUMNS: ColumnSpec[] = [
  { id: 'group', header: 'Group', kind: 'text' },
  { id: 'served', header: 'People served', kind: 'text', sortable: false },
  { id: 'servedShare', header: 'Share of people served', kind: 'percent', emptyText: 'withheld or unknown' },
  { id: 'deaths', header: 'Overdose deaths', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'deathsShare', header: 'Share of overdose deaths', kind: 'percent', emptyText: 'withheld or unknown' },
  { id: 'ratio', header: 'Ratio (1 = parity)', kind: 'text', emptyText: 'cannot be computed' },
];

export function ReachParityChart({ reach, title, testId = 'reach-chart' }: { reach: PublicReachView; title?: string; testId?: string }) {
  const reactId = useId();
  const baseId = `reach-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const patternId = `${baseId}-hatch`;
  const isClient = useIsClient();
  const caption = title ?? `Reach by race/ethnicity, FY${reach.fiscal_year}: share of people served against share of overdose deaths`;
  const summary = reachSummary(reach);

  const data = useMemo<Datum[]>(
    () =>
      reach.groups.map((group) => ({
        key: group.group_key,
        label: group.label,
        served: group.served_share === null ? null : Number(group.served_share),
        deaths: group.deaths_share === null ? null : Number(group.deaths_share),
        servedShare: group.served_share,
        deathsShare: group.deaths_share,
        group,
      })),
    [reach.groups],
  );
  const rows = useMemo(
    () =>
      reach.groups.map((group) => ({
        group: group.label,
        served: countWords(group.people_served),
        servedShare: group.served_share === null ? null : (decimalToUnits(group.served_share, 'percent') ?? 0n).toString(),
        deaths: countWords(group.deaths),
        deathsShare: group.deaths_share === null ? null : (decimalToUnits(group.deaths_share, 'percent') ?? 0n).toString(),
        ratio: group.ratio,
      })),
    [reach.groups],
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
  const renderTooltip = useCallback(({ active, payload }: TooltipContentProps) => {
    const d = payload?.[0]?.payload as Datum | undefined;
    if (!active || !d) return null;
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip__title">{d.label}</p>
        <dl>
          <dt>People served</dt>
          <dd>
            {d.group.people_served} ({percentText(d.servedShare)})
          </dd>
          <dt>Overdose deaths</dt>
          <dd>
            {d.group.deaths ?? 'not known'} ({percentText(d.deathsShare)})
          </dd>
          <dt>Ratio</dt>
          <dd>{d.group.ratio ?? '—'}</dd>
        </dl>
      </div>
    );
  }, []);

  const height = data.length * ROW_HEIGHT + MARGIN.top + MARGIN.bottom + 30;
  const drawable = data.some((d) => d.served !== null || d.deaths !== null);

  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        {!drawable ? (
          <p className="chart-empty">Not enough data to compare yet.</p>
        ) : (
          <>
            <ul className="chart-legend" aria-label="Legend">
              <li>
                <span className="chart-swatch" style={{ background: COLOR_SERVED, borderColor: COLOR_SERVED }} aria-hidden="true" />
                {SERIES_LABEL.served} (solid)
              </li>
              <li>
                <span className="chart-swatch reach-deaths-swatch" aria-hidden="true" />
                {SERIES_LABEL.deaths} (hatched)
              </li>
            </ul>
            <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
              <defs>
                <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#ffffff" />
                  <rect width="2.5" height="6" fill={COLOR_DEATHS} />
                </pattern>
              </defs>
            </svg>
            <div className="chart-area" style={{ height }}>
              {isClient ? (
                <BarChart
                  responsive
                  style={{ width: '100%', height }}
                  data={data}
                  layout="vertical"
                  margin={MARGIN}
                  barCategoryGap="18%"
                  barGap={2}
                  accessibilityLayer
                  title={caption}
                  desc={summary}
                  aria-label={`${caption}. Bar chart, two bars per group.`}
                >
                  <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
                  <XAxis
                    type="number"
                    height={30}
                    domain={[0, 'auto']}
                    tickFormatter={(v: number) => `${v}%`}
                    tick={{ fill: COLOR_TEXT, fontSize: 12 }}
                    stroke={COLOR_GRID}
                  />
                  <YAxis
                    type="category"
                    dataKey="key"
                    width={150}
                    tick={renderTick}
                    tickLine={false}
                    stroke={COLOR_GRID}
                    interval={0}
                  />
                  <Tooltip content={renderTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
                  <Bar dataKey="served" name={SERIES_LABEL.served} fill={COLOR_SERVED} shape={renderServed} isAnimationActive={false} />
                  <Bar dataKey="deaths" name={SERIES_LABEL.deaths} fill={COLOR_DEATHS} shape={renderDeaths} isAnimationActive={false} />
                </BarChart>
              ) : null}
            </div>
          </>
        )}
        <p id={`${baseId}-summary`} className="chart-summary">
          {summary}
        </p>
      </figure>
      <DataTable
        caption={`${caption} (data table)`}
        columns={COLUMNS}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage="No people served or deaths by race/ethnicity recorded for this year."
      />
    </div>
  );
}
