'use client';

/**
 * Spending against burden (Recharts 3), each with a text summary and its data table:
 *  - within a locality, by area: overdose deaths per 100,000 residents. Allocations carry no area, so money per
 *    death by area cannot be computed; the chart says so and shows where the deaths are, to set spending against.
 *  - across localities: money allocated and money spent per overdose death, side by side (never added together).
 *
 * Both take public shapes: counts of 1–10 arrive as "fewer than 11" and what is computed from them as null.
 *
 * Test hooks: <rect data-testid="area-bar" data-area data-rate>; <rect data-testid="burden-bar" data-series
 * data-locality data-cents>.
 */

import { useCallback, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { useIsClient } from '@/app/_components/use-is-client';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import { formatCents, formatCentsCompact } from '@/lib/money';
import { WrappedTick } from './reach-parity-chart';

const COLOR_TEXT = '#14233c';
const COLOR_GRID = '#d5dbe3';
const COLOR_RATE = '#9d174d';
const COLOR_ALLOCATED = '#5b84b8';
const COLOR_SPENT = '#1f3a68';
const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };

// ---------- by area

export interface PublicAreaView {
  group_key: string;
  label: string;
  population: string | null;
  overdose_deaths: string | null;
  deaths_per_100k: string | null;
  deaths_share: string | null;
}

export const AREA_NOTE =
  'Allocations are not tied to an area in the data, so dollars per overdose death cannot be computed by area yet. ' +
  'The chart shows where the deaths are — the burden the spending should answer.';

interface AreaDatum {
  key: string;
  label: string;
  rate: number | null;
  area: PublicAreaView;
}

const AREA_COLUMNS: ColumnSpec[] = [
  { id: 'area', header: 'Area', kind: 'text' },
  { id: 'population', header: 'Residents', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'deaths', header: 'Overdose deaths', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'rate', header: 'Deaths per 100,000 residents', kind: 'text', emptyText: 'withheld or unknown' },
  { id: 'share', header: 'Share of the deaths', kind: 'percent', emptyText: 'withheld or unknown' },
];

export function areaSummary(areas: readonly PublicAreaView[], fiscalYear: number, localityName: string): string {
  if (areas.length === 0) return `No overdose deaths by area are recorded for ${localityName} in FY${fiscalYear}.`;
  const ranked = areas.filter((a) => a.deaths_per_100k !== null).sort((a, b) => Number(b.deaths_per_100k) - Number(a.deaths_per_100k));
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  if (!first || !last) return `Overdose deaths by area for FY${fiscalYear} are not known yet or rest on counts of fewer than 11.`;
  let text = `FY${fiscalYear}: the highest overdose death rate is in ${first.label} (${first.deaths_per_100k} per 100,000 residents`;
  text += first.deaths_share !== null ? `, ${first.deaths_share}% of the deaths)` : ')';
  if (ranked.length > 1) text += `; the lowest in ${last.label} (${last.deaths_per_100k} per 100,000).`;
  else text += '.';
  return text;
}

export function AreaBurdenChart({
  areas,
  fiscalYear,
  localityName,
  testId = 'area-chart',
}: {
  areas: readonly PublicAreaView[];
  fiscalYear: number;
  localityName: string;
  testId?: string;
}) {
  const reactId = useId();
  const baseId = `area-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const isClient = useIsClient();
  const caption = `Overdose deaths per 100,000 residents by area of ${localityName}, FY${fiscalYear}`;
  const summary = areaSummary(areas, fiscalYear, localityName);
  const data = useMemo<AreaDatum[]>(
    () => areas.map((area) => ({ key: area.group_key, label: area.label, rate: area.deaths_per_100k === null ? null : Number(area.deaths_per_100k), area })),
    [areas],
  );
  const rows = useMemo(
    () =>
      areas.map((area) => ({
        area: area.label,
        population: countWords(area.population),
        deaths: countWords(area.overdose_deaths),
        rate: area.deaths_per_100k,
        share: area.deaths_share === null ? null : (decimalToUnits(area.deaths_share, 'percent') ?? 0n).toString(),
      })),
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
  const renderBar = useCallback((props: BarShapeProps) => {
    const d = props.payload as AreaDatum | undefined;
    const { x, y, width, height } = props;
    if (!d || d.rate === null || ![x, y, width, height].every(Number.isFinite)) return null;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(width, 0)}
        height={Math.max(height, 0)}
        fill={COLOR_RATE}
        data-testid="area-bar"
        data-area={d.key}
        data-rate={d.area.deaths_per_100k ?? ''}
      />
    );
  }, []);
  const renderTooltip = useCallback(({ active, payload }: TooltipContentProps) => {
    const d = payload?.[0]?.payload as AreaDatum | undefined;
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
  }, []);
  const height = data.length * 36 + MARGIN.top + MARGIN.bottom + 30;
  const drawable = data.some((d) => d.rate !== null);
  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary ${baseId}-note`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        <p id={`${baseId}-note`} className="notice chart-note" role="note">
          {AREA_NOTE}
        </p>
        {!drawable ? (
          <p className="chart-empty">No death rates by area to show for this year.</p>
        ) : (
          <div className="chart-area" style={{ height }}>
            {isClient ? (
              <BarChart
                responsive
                style={{ width: '100%', height }}
                data={data}
                layout="vertical"
                margin={MARGIN}
                barCategoryGap="22%"
                accessibilityLayer
                title={caption}
                desc={summary}
                aria-label={`${caption}. Bar chart, one bar per area.`}
              >
                <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
                <XAxis type="number" height={30} tick={{ fill: COLOR_TEXT, fontSize: 12 }} stroke={COLOR_GRID} />
                <YAxis type="category" dataKey="key" width={150} tick={renderTick} tickLine={false} stroke={COLOR_GRID} interval={0} />
                <Tooltip content={renderTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
                <Bar dataKey="rate" name="Deaths per 100,000 residents" fill={COLOR_RATE} shape={renderBar} isAnimationActive={false} />
              </BarChart>
            ) : null}
          </div>
        )}
        <p id={`${baseId}-summary`} className="chart-summary">
          {summary}
        </p>
      </figure>
      <DataTable
        caption={`${caption} (data table)`}
        columns={AREA_COLUMNS}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage="No overdose deaths by area recorded for this year."
      />
    </div>
  );
}

// ---------- across localities

export interface LocalityBurdenView {
  slug: string;
  name: string;
  population: string | null;
  overdoseDeaths: string | null;
  /** Cents. */
  allocatedCents: string;
  spentCents: string;
  /** Exact dollars ("2750.00"), null when it cannot be computed or rests on small counts. */
  allocatedPerDeath: string | null;
  spentPerDeath: string | null;
  allocatedPerResident: string | null;
  spentPerResident: string | null;
  missing: string[];
}

type BurdenSeries = 'allocated' | 'spent';

interface BurdenDatum {
  key: string;
  label: string;
  allocated: number | null;
  spent: number | null;
  allocatedCents: string | null;
  spentCents: string | null;
}

function BurdenRect({ props, series, patternId }: { props: BarShapeProps; series: BurdenSeries; patternId: string }) {
  const d = props.payload as BurdenDatum | undefined;
  const cents = d ? (series === 'allocated' ? d.allocatedCents : d.spentCents) : null;
  const { x, y, width, height } = props;
  if (!d || cents === null || ![x, y, width, height].every(Number.isFinite)) return null;
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 0)}
      fill={series === 'allocated' ? `url(#${patternId})` : COLOR_SPENT}
      stroke={series === 'allocated' ? COLOR_ALLOCATED : COLOR_SPENT}
      strokeWidth={series === 'allocated' ? 1.5 : 0}
      data-testid="burden-bar"
      data-series={series}
      data-locality={d.key}
      data-cents={cents}
    />
  );
}

const dollarsToCents = (value: string | null) => (value === null ? null : (decimalToUnits(value, 'dollars') ?? 0n).toString());

const LOCALITY_COLUMNS: ColumnSpec[] = [
  { id: 'name', header: 'Locality', kind: 'text' },
  { id: 'population', header: 'Residents', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'deaths', header: 'Overdose deaths', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'allocated', header: 'Allocated', kind: 'money' },
  { id: 'spent', header: 'Spent', kind: 'money' },
  { id: 'allocatedPerDeath', header: 'Allocated per death', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'spentPerDeath', header: 'Spent per death', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'allocatedPerResident', header: 'Allocated per resident', kind: 'money', emptyText: 'cannot be computed' },
  { id: 'spentPerResident', header: 'Spent per resident', kind: 'money', emptyText: 'cannot be computed' },
];

export function localitiesSummary(localities: readonly LocalityBurdenView[], fiscalYear: number, currentSlug: string | null): string {
  const known = localities.filter((l) => l.allocatedPerDeath !== null);
  if (known.length === 0) return `Dollars per overdose death cannot be computed for any locality in FY${fiscalYear} yet: overdose deaths are not known.`;
  const sorted = [...known].sort((a, b) => Number(b.allocatedPerDeath) - Number(a.allocatedPerDeath));
  const money = (value: string | null) => (value === null ? '—' : formatCents(decimalToUnits(value, 'dollars') ?? 0n));
  let text = `FY${fiscalYear}: allocated per overdose death ranges from ${money(sorted[sorted.length - 1]!.allocatedPerDeath)} (${sorted[sorted.length - 1]!.name}) to ${money(sorted[0]!.allocatedPerDeath)} (${sorted[0]!.name}).`;
  const current = localities.find((l) => l.slug === currentSlug);
  if (current) {
    text +=
      current.allocatedPerDeath === null
        ? ` ${current.name}: cannot be computed (${current.missing.join('; ') || 'missing data'}).`
        : ` ${current.name}: ${money(current.allocatedPerDeath)} allocated and ${money(current.spentPerDeath)} spent per death.`;
  }
  return text;
}

export function LocalityBurdenChart({
  localities,
  fiscalYear,
  currentSlug = null,
  testId = 'burden-chart',
}: {
  localities: readonly LocalityBurdenView[];
  fiscalYear: number;
  /** The locality the page is about: named "(this locality)" in the chart and the table. */
  currentSlug?: string | null;
  testId?: string;
}) {
  const reactId = useId();
  const baseId = `burden-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const patternId = `${baseId}-hatch`;
  const isClient = useIsClient();
  const caption = `Money per overdose death across localities, FY${fiscalYear}: allocated and spent`;
  const summary = localitiesSummary(localities, fiscalYear, currentSlug);
  const nameOf = useCallback((l: LocalityBurdenView) => (l.slug === currentSlug ? `${l.name} (this locality)` : l.name), [currentSlug]);
  const data = useMemo<BurdenDatum[]>(
    () =>
      localities.map((l) => ({
        key: l.slug,
        label: nameOf(l),
        allocated: l.allocatedPerDeath === null ? null : Number(l.allocatedPerDeath),
        spent: l.spentPerDeath === null ? null : Number(l.spentPerDeath),
        allocatedCents: dollarsToCents(l.allocatedPerDeath),
        spentCents: dollarsToCents(l.spentPerDeath),
      })),
    [localities, nameOf],
  );
  const rows = useMemo(
    () =>
      localities.map((l) => ({
        name: nameOf(l),
        population: countWords(l.population),
        deaths: countWords(l.overdoseDeaths),
        allocated: l.allocatedCents,
        spent: l.spentCents,
        allocatedPerDeath: dollarsToCents(l.allocatedPerDeath),
        spentPerDeath: dollarsToCents(l.spentPerDeath),
        allocatedPerResident: dollarsToCents(l.allocatedPerResident),
        spentPerResident: dollarsToCents(l.spentPerResident),
      })),
    [localities, nameOf],
  );
  const labelByKey = useMemo(() => new Map(data.map((d) => [d.key, d.label])), [data]);
  const renderTick = useCallback(
    (props: { x: number | string; y: number | string; payload: { value: unknown } }) => {
      const key = String(props.payload.value);
      return <WrappedTick x={Number(props.x) - 4} y={props.y} label={labelByKey.get(key) ?? key} maxChars={26} />;
    },
    [labelByKey],
  );
  const renderAllocated = useCallback((props: BarShapeProps) => <BurdenRect props={props} series="allocated" patternId={patternId} />, [patternId]);
  const renderSpent = useCallback((props: BarShapeProps) => <BurdenRect props={props} series="spent" patternId={patternId} />, [patternId]);
  const renderTooltip = useCallback(({ active, payload }: TooltipContentProps) => {
    const d = payload?.[0]?.payload as BurdenDatum | undefined;
    if (!active || !d) return null;
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip__title">{d.label}</p>
        <dl>
          <dt>Allocated per death</dt>
          <dd>{d.allocatedCents === null ? '—' : formatCents(BigInt(d.allocatedCents))}</dd>
          <dt>Spent per death</dt>
          <dd>{d.spentCents === null ? '—' : formatCents(BigInt(d.spentCents))}</dd>
        </dl>
      </div>
    );
  }, []);
  const height = data.length * 48 + MARGIN.top + MARGIN.bottom + 30;
  const drawable = data.some((d) => d.allocated !== null || d.spent !== null);
  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        {!drawable ? (
          <p className="chart-empty">Overdose deaths are not known for this year yet.</p>
        ) : (
          <>
            <ul className="chart-legend" aria-label="Legend">
              <li>
                <span className="chart-swatch chart-swatch--allocated" aria-hidden="true" />
                Allocated per death (hatched)
              </li>
              <li>
                <span className="chart-swatch chart-swatch--spent" aria-hidden="true" />
                Spent per death (solid)
              </li>
            </ul>
            <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
              <defs>
                <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#ffffff" />
                  <rect width="2.5" height="6" fill={COLOR_ALLOCATED} />
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
                  aria-label={`${caption}. Bar chart, two bars per locality.`}
                >
                  <CartesianGrid horizontal={false} stroke={COLOR_GRID} />
                  <XAxis
                    type="number"
                    height={30}
                    tickFormatter={(v: number) => formatCentsCompact(BigInt(Math.round(v * 100)))}
                    tick={{ fill: COLOR_TEXT, fontSize: 12 }}
                    stroke={COLOR_GRID}
                  />
                  <YAxis type="category" dataKey="key" width={180} tick={renderTick} tickLine={false} stroke={COLOR_GRID} interval={0} />
                  <Tooltip content={renderTooltip} cursor={{ fill: 'rgba(11, 90, 166, 0.08)' }} isAnimationActive={false} />
                  <Bar dataKey="allocated" name="Allocated per death" fill={COLOR_ALLOCATED} shape={renderAllocated} isAnimationActive={false} />
                  <Bar dataKey="spent" name="Spent per death" fill={COLOR_SPENT} shape={renderSpent} isAnimationActive={false} />
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
        columns={LOCALITY_COLUMNS}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage="No localities to compare."
      />
    </div>
  );
}
