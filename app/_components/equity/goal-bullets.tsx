// Server-compatible (no 'use client'): every goal's actual against its target as a bullet chart, drawn as plain SVG on
// the server (nothing to measure, so nothing to hydrate; it prints as it shows), followed by its data table.
//
// Every percent goal is drawn on one 0–100% scale, labelled under each bar, so bars can be compared down the list;
// a goal in dollars or as a ratio cannot share it and gets its own nice, labelled scale (d3-array's ticks). The bar
// is the actual, the black line the target, the shaded bands the green, amber and red ranges — and the status is
// also written beside the bar with an icon, and the thresholds in words, so nothing depends on colour.
//
// Words: every word from the EquityGoals messages in the request's language (lib/equity/goal-words.ts); the staff
// board gets English, the public equity page English or Spanish.
//
// Test hooks: <li data-testid="goal-bullet" data-goal-id data-measure data-status data-actual data-target>; the bar
// is <rect data-testid="goal-actual-bar">, the target <rect data-testid="goal-target-line">.
import { ChartAndTable } from '@/app/_components/chart-and-table';
import { ChartFigure } from '@/app/_components/chart-figure';
import { ChartLegend } from '@/app/_components/chart-legend';
import type { ColumnSpec } from '@/app/_components/data-table';
import { decimalToUnits, STATUS_WORDS, type SubjectLabels } from '@/lib/data/board-words';
import {
  goalsCountIn,
  goalTitleIn,
  goalValueIn,
  missingIn,
  statusLabelIn,
  suppressionIn,
  targetIn,
  thresholdsIn,
} from '@/lib/equity/goal-words';
import type { PublicEquityGoal } from '@/lib/equity/public';
import type { ViewWords } from '@/lib/i18n/messages';
import type { ActualUnit } from '@/lib/equity/types';
import { ticks as niceTicks } from 'd3-array';
import { moneyAxis, percentAxis } from '@/lib/views/chart-axis';
import { GoalStatusBadge } from './goal-status';
import { useViewWords } from './use-view-words';

/** The parts of a goal the bullet needs: the public API's shape, or anything shaped like it. */
export type BulletGoal = Pick<
  PublicEquityGoal,
  'id' | 'measure' | 'subject' | 'basis' | 'comparator' | 'unit' | 'target' | 'amber_margin' | 'actual' | 'status' | 'thresholds' | 'missing' | 'suppression'
> &
  Partial<Pick<PublicEquityGoal, 'framework_key'>>;

const BAND = { green: '#d3ecd9', amber: '#fbe3b4', red: '#f6d0cb' } as const;
const BAR = '#1f3a68';
const TARGET = '#000000';

/** The smallest scale a bullet is drawn on, per unit: $1, a ratio of 1.25 (percent goals are always 0–100%). */
const FLOOR: Readonly<Record<ActualUnit, bigint>> = { percent: 10_000n, dollars: 100n, ratio: 12_500n };
/** Units per percent point and per 1.0 of a ratio (decimalToUnits keeps four decimals of a ratio, two of a percent). */
const PERCENT_UNITS = 100n;
const RATIO_UNITS = 10_000;

interface ScaleTick {
  label: string;
  at: number;
}

/** The end of a goal's scale and its labelled ticks. Percent: one 0–100% scale for every goal. */
function goalScale(unit: ActualUnit, high: bigint): { top: bigint; ticks: ScaleTick[] } {
  const wanted = max((high * 5n) / 4n, FLOOR[unit]);
  if (unit === 'percent' && high <= 100n * PERCENT_UNITS) {
    return { top: 100n * PERCENT_UNITS, ticks: percentAxis().map(({ label, at }) => ({ label, at })) };
  }
  if (unit === 'dollars') {
    const axis = moneyAxis(Number(wanted));
    return { top: BigInt(axis.maxCents), ticks: axis.ticks.map(({ label, at }) => ({ label, at })) };
  }
  // A ratio (or a percent above 100): nice ticks on the plain number.
  const per = unit === 'ratio' ? RATIO_UNITS : Number(PERCENT_UNITS);
  const values = niceTicks(0, Number(wanted) / per, 4);
  const end = Math.max(values.at(-1) ?? 1, Number(wanted) / per);
  return {
    top: BigInt(Math.ceil(end * per)),
    ticks: values.map((value) => ({ label: unit === 'ratio' ? `${value}` : `${value}%`, at: value / end })),
  };
}

const max = (...values: bigint[]) => values.reduce((a, b) => (b > a ? b : a));

interface Band {
  colour: keyof typeof BAND;
  from: bigint;
  to: bigint;
}

function bands(goal: BulletGoal, target: bigint, margin: bigint, top: bigint): Band[] {
  const clamp = (value: bigint) => (value < 0n ? 0n : value > top ? top : value);
  const list: Band[] = [];
  switch (goal.comparator) {
    case 'at_least':
      list.push({ colour: 'red', from: 0n, to: clamp(target - margin) });
      list.push({ colour: 'amber', from: clamp(target - margin), to: clamp(target) });
      list.push({ colour: 'green', from: clamp(target), to: top });
      break;
    case 'at_most':
      list.push({ colour: 'green', from: 0n, to: clamp(target) });
      list.push({ colour: 'amber', from: clamp(target), to: clamp(target + margin) });
      list.push({ colour: 'red', from: clamp(target + margin), to: top });
      break;
    case 'exactly':
      list.push({ colour: 'red', from: 0n, to: clamp(target - margin) });
      list.push({ colour: 'amber', from: clamp(target - margin), to: clamp(target + margin) });
      list.push({ colour: 'red', from: clamp(target + margin), to: top });
      break;
  }
  return list.filter((band) => band.to > band.from);
}

/** Geometry only: a position on the scale as a percentage of the width, to two places. */
function at(units: bigint, top: bigint): number {
  if (top <= 0n) return 0;
  const clamped = units < 0n ? 0n : units > top ? top : units;
  return Number((clamped * 10_000n) / top) / 100;
}

export function goalAltText(goal: BulletGoal, title: string, words: ViewWords): string {
  const t = (key: string, values?: Record<string, string>) => words.t(`EquityGoals.bullets.${key}`, values);
  const actual =
    goal.actual === null ? (goal.suppression ? t('altWithheld') : t('altNoData')) : t('altActual', { value: goalValueIn(goal.actual, goal.unit, words) });
  return t('alt', { title, actual, target: targetIn(goal.comparator, goal.target, goal.unit, words), status: statusLabelIn(goal.status, words) });
}

function Bullet({ goal, title, words }: { goal: BulletGoal; title: string; words: ViewWords }) {
  const target = decimalToUnits(goal.target, goal.unit) ?? 0n;
  const margin = decimalToUnits(goal.amber_margin, goal.unit) ?? 0n;
  const actual = decimalToUnits(goal.actual, goal.unit);
  const high = max(target + margin, target, actual ?? 0n);
  const { top, ticks } = goalScale(goal.unit, high);
  const targetAt = at(target, top);
  return (
    <svg className="goal-bullet__svg" role="img" aria-label={goalAltText(goal, title, words)} width="100%" height="52" focusable="false">
      {bands(goal, target, margin, top).map((band, index) => (
        <rect
          key={index}
          x={`${at(band.from, top)}%`}
          width={`${Math.max(at(band.to, top) - at(band.from, top), 0)}%`}
          y="0"
          height="32"
          fill={BAND[band.colour]}
          data-band={band.colour}
        />
      ))}
      {actual !== null ? (
        <rect x="0" y="10" height="12" width={`${at(actual, top)}%`} fill={BAR} data-testid="goal-actual-bar" data-value={goal.actual ?? ''} />
      ) : null}
      <rect
        x={`${targetAt}%`}
        y="2"
        width="3"
        height="28"
        fill={TARGET}
        transform={targetAt > 99 ? 'translate(-3 0)' : targetAt > 0 ? 'translate(-1.5 0)' : undefined}
        data-testid="goal-target-line"
        data-value={goal.target}
      />
      {ticks.map((tick, index) => (
        <g key={tick.label} data-testid="goal-scale-tick">
          <line x1={`${tick.at * 100}%`} x2={`${tick.at * 100}%`} y1="32" y2="36" stroke="#5a6b82" />
          <text
            x={`${tick.at * 100}%`}
            y="49"
            textAnchor={index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle'}
          >
            {tick.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

function columns(words: ViewWords): ColumnSpec[] {
  const t = (key: string) => words.t(`EquityGoals.bullets.${key}`);
  return [
    { id: 'goal', header: t('columnGoal'), kind: 'text' },
    { id: 'target', header: t('columnTarget'), kind: 'text', sortable: false },
    { id: 'actual', header: t('columnActual'), kind: 'text', sortable: false, emptyText: t('notEnoughData') },
    { id: 'status', header: t('columnStatus'), kind: 'status', toneKey: 'tone' },
    { id: 'thresholds', header: t('columnThresholds'), kind: 'text', sortable: false },
  ];
}

export function goalsSummary(goals: readonly BulletGoal[], titles: ReadonlyMap<number, string>, fiscalYear: number, words: ViewWords): string {
  const t = (key: string, values: Record<string, string>) => words.t(`EquityGoals.bullets.${key}`, values);
  const year = String(fiscalYear);
  if (goals.length === 0) return t('summaryNone', { year });
  const missed = goals.filter((goal) => goal.status === 'missed').map((goal) => titles.get(goal.id) ?? '');
  const close = goals.filter((goal) => goal.status === 'close').map((goal) => titles.get(goal.id) ?? '');
  let text = t('summary', { year, count: goalsCountIn(goals.map((goal) => goal.status), words) });
  if (missed.length > 0) text += ` ${t('summaryMissed', { list: missed.join('; ') })}`;
  if (close.length > 0) text += ` ${t('summaryClose', { list: close.join('; ') })}`;
  return text;
}

/**
 * The bullet chart of a year's goals, with a text summary and its data table. `labels` names subjects stored as keys
 * (a category key, a race/ethnicity group key); without them the key is shown.
 */
export function GoalBullets({
  goals,
  fiscalYear,
  labels = {},
  title,
  idPrefix = 'goal-bullets',
  testId = 'goal-bullets',
}: {
  goals: readonly BulletGoal[];
  fiscalYear: number;
  labels?: SubjectLabels;
  title?: string;
  /** Makes the ids unique when two charts share a page. */
  idPrefix?: string;
  testId?: string;
}) {
  const words = useViewWords();
  const t = (key: string, values?: Record<string, string>) => words.t(`EquityGoals.bullets.${key}`, values);
  const titles = new Map(goals.map((goal) => [goal.id, goalTitleIn(goal, labels, words)]));
  const thresholds = new Map(goals.map((goal) => [goal.id, thresholdsIn(goal, words)]));
  const caption = title ?? t('caption', { year: String(fiscalYear) });
  const summary = goalsSummary(goals, titles, fiscalYear, words);
  const actualWords = (goal: BulletGoal) =>
    goal.actual === null ? (goal.suppression ? t('withheld') : t('notEnoughDataLower')) : goalValueIn(goal.actual, goal.unit, words);
  const rows = goals.map((goal) => ({
    goal: titles.get(goal.id) ?? '',
    target: targetIn(goal.comparator, goal.target, goal.unit, words),
    actual: goal.actual === null ? (goal.suppression ? t('withheldCell') : null) : goalValueIn(goal.actual, goal.unit, words),
    status: statusLabelIn(goal.status, words),
    tone: STATUS_WORDS[goal.status].tone,
    thresholds: `${thresholds.get(goal.id)!.green}; ${thresholds.get(goal.id)!.amber}`,
  }));
  return (
    <ChartAndTable
      className="goal-bullets-block"
      table={{ caption: t('tableCaption', { caption }), columns: columns(words), rows, testId: `${testId}-table`, emptyMessage: t('empty') }}
    >
      <ChartFigure
        baseId={idPrefix}
        title={caption}
        summary={summary}
        empty={goals.length === 0 ? t('empty') : null}
        className="goal-bullets"
        figureRole={false}
        testId={testId}
      >
        <ChartLegend
          className="goal-bullets__legend"
          label={t('legendLabel')}
          items={[
            { name: t('legendBar'), color: BAR },
            { name: t('legendTarget'), swatchClass: 'goal-bullets__target-swatch' },
            { name: t('legendBands'), swatchClass: 'goal-bullets__bands-swatch' },
          ]}
        />
        <ol className="goal-bullets__list">
          {goals.map((goal) => (
            <li
              key={goal.id}
              className="goal-bullet"
              data-testid="goal-bullet"
              data-goal-id={goal.id}
              data-measure={goal.measure}
              data-subject={goal.subject ?? undefined}
              data-status={goal.status}
              data-actual={goal.actual ?? undefined}
              data-target={goal.target}
            >
              <p className="goal-bullet__title">{titles.get(goal.id)}</p>
              <Bullet goal={goal} title={titles.get(goal.id) ?? ''} words={words} />
              <p className="goal-bullet__values">
                <GoalStatusBadge status={goal.status} />
                <span>
                  {t('actual')} <strong>{actualWords(goal)}</strong>
                </span>
                <span>{t('target', { target: targetIn(goal.comparator, goal.target, goal.unit, words) })}</span>
              </p>
              <p className="goal-bullet__thresholds muted">
                {capitalizeFirst(thresholds.get(goal.id)!.green)}; {thresholds.get(goal.id)!.amber}.
                {goal.missing.length > 0 ? ` ${t('missing', { list: goal.missing.map((text) => missingIn(text, words)).join('; ') })}` : ''}
                {goal.suppression ? ` ${suppressionIn(goal.suppression, words)}` : ''}
              </p>
            </li>
          ))}
        </ol>
      </ChartFigure>
    </ChartAndTable>
  );
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
