/**
 * What a locality's programs did with the money, for the public outcomes section: one row per reported outcome
 * (measure, how many, period, source, spent in the period, cost per unit), the programs that spent money and report
 * nothing ("not reported", with what they spent in the year), and the counts by quarter of the fiscal year.
 *
 * Small counts of people (1 to 10) are never shown (lib/equity/suppress.ts), and nothing computed from them is
 * either: their cost per unit is withheld, and they are left out of the quarter totals, so no ratio or difference
 * of totals gives the count back.
 *
 * Words: given the reader's words (ViewWords: the OutcomeMeasures and OutcomesView messages and the locale), every
 * string is written in the reader's language, with numbers, money and months per locale. Without them (the public
 * API, staff pages) the view writes English, as it always has. A free-form measure keeps its own name and unit as the
 * locality entered them.
 */
import { centsPer } from '@/lib/categories/ratios';
import { monthName, quarterLabel } from '@/lib/categories/summaries';
import type { PublicOutcome, PublicOutcomes } from '@/lib/data/public-outcomes';
import { isSmallCount, SMALL_COUNT_TEXT } from '@/lib/equity/suppress';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { formatCents } from '@/lib/money';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { describeMeasure, MEASURES, type OutcomeMeasure } from '@/lib/outcomes/measures';
import { formatInteger } from '@/lib/i18n/numbers';

export const NOT_REPORTED_TEXT = 'not reported';
export const WITHHELD_TEXT = 'withheld (small count)';

export interface OutcomeRowView {
  allocationId: number;
  program: string;
  /** "Naloxone kits distributed", or a free-form measure's own name. */
  measure: string;
  /** "1,204 kits" or "fewer than 11". */
  units: string;
  /** The exact count when it may be shown (null when suppressed): for sorting and machines. */
  unitsValue: string | null;
  suppressed: boolean;
  /** "Jul–Sep 2025". */
  period: string;
  source: string;
  /** Cents of posted payments against the program dated inside the period. */
  spentCents: bigint;
  /** Exact cents per unit (half away from zero); null when withheld or not computable. */
  costPerUnitCents: bigint | null;
  /** "$333.33 per kit", "not reported" or "withheld (small count)". */
  costPerUnit: string;
}

export interface OutcomeQuarterRow {
  measure: string;
  /** Units by quarter key (Q1…Q4) and the year, as integer strings. */
  counts: Record<string, string>;
}

/** A program that spent money in the year and reports no approved outcome. */
export interface NotReportedProgram {
  allocationId: number;
  program: string;
  spentInYearCents: bigint;
}

export interface OutcomesView {
  rows: OutcomeRowView[];
  /** Most money first. */
  notReported: NotReportedProgram[];
  quarters: { key: string; label: string }[];
  quarterRows: OutcomeQuarterRow[];
  /** Some people counts of 1 to 10 were left out of the quarter totals. */
  quarterTotalsLeaveOutSmallCounts: boolean;
  summary: string;
}

const QUARTERS = [1, 2, 3, 4] as const;

/** A message of the OutcomesView namespace in the reader's words, or the English text when there are none. */
function say(words: ViewWords | undefined, key: string, english: string, values?: Record<string, string | number>): string {
  return words ? words.t(`OutcomesView.${key}`, values) : english;
}

/** What a reader calls a measure and its unit: one ("kit") and several ("kits"). */
export interface MeasureWords {
  label: string;
  unit: string;
  units: string;
}

/**
 * The measure's name and unit in the reader's words (OutcomeMeasures messages); a free-form measure's own name and
 * unit as entered (a unit entered by hand is made plural by the English rule, as it is typed in English).
 */
export function measureWords(
  outcome: { measure: OutcomeMeasure; customMeasureName: string | null; unit: string | null },
  words?: ViewWords,
): MeasureWords {
  const own = describeMeasure(outcome);
  if (!words) return { label: own.label, unit: own.unit, units: plural(own.unit, 2n) };
  const key = `OutcomeMeasures.${outcome.measure}`;
  const ownLabel = outcome.measure === 'other' && outcome.customMeasureName !== null;
  const ownUnit = outcome.measure === 'other' && outcome.unit !== null;
  return {
    label: ownLabel ? own.label : words.t(`${key}.label`),
    unit: ownUnit ? own.unit : words.t(`${key}.unit`),
    units: ownUnit ? plural(own.unit, 2n) : words.t(`${key}.units`),
  };
}

/** "1,204 kits", "1 person": a count with its unit in the reader's words, one or several; numbers per locale. */
export function countWithUnit(count: bigint, measure: MeasureWords, locale: Locale = DEFAULT_LOCALE): string {
  return `${formatInteger(count, locale)} ${count === 1n ? measure.unit : measure.units}`;
}

function plural(unit: string, count: bigint): string {
  if (count === 1n) return unit;
  if (unit === 'person') return 'people';
  // A unit typed in the plural already ("sessions") stays as it is.
  if (unit.endsWith('s')) return unit;
  return /(x|ch|sh)$/.test(unit) ? `${unit}es` : `${unit}s`;
}

/** "Jul" in English, "jul" in Spanish ("julio"): the month's first three letters. */
function shortMonth(month: number, locale: Locale): string {
  return monthName(month, locale).slice(0, 3);
}

/** "Jul 1, 2025" (English) or "1 jul 2025" (Spanish) from "2025-07-01", without a time zone in the way. */
export function formatDay(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return locale === DEFAULT_LOCALE ? `${shortMonth(month, locale)} ${day}, ${year}` : `${day} ${shortMonth(month, locale)} ${year}`;
}

function isLastDayOfMonth(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** "Jul–Sep 2025" for whole months (as programs report), "Jul 15, 2025 – Sep 30, 2025" otherwise; in Spanish "jul–sep 2025". */
export function formatPeriod(start: string, end: string, locale: Locale = DEFAULT_LOCALE): string {
  if (start === end) return formatDay(start, locale);
  if (start.endsWith('-01') && isLastDayOfMonth(end)) {
    const month = (iso: string) => shortMonth(Number(iso.slice(5, 7)), locale);
    const [startYear, endYear] = [start.slice(0, 4), end.slice(0, 4)];
    if (start.slice(0, 7) === end.slice(0, 7)) return `${month(start)} ${startYear}`;
    return startYear === endYear ? `${month(start)}–${month(end)} ${endYear}` : `${month(start)} ${startYear}–${month(end)} ${endYear}`;
  }
  return `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
}

/**
 * A quarter's column header: "Q1 (Jul–Sep 2025)" as quarterLabel writes it, "T1 (jul–sep 2025)" in Spanish (the
 * OutcomesView.quarter message). A quarter that spans New Year names both years.
 */
export function outcomeQuarterLabel(fiscalYear: number, startMonth: number, quarter: 1 | 2 | 3 | 4, words?: ViewWords): string {
  if (!words) return quarterLabel(fiscalYear, startMonth, quarter);
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const firstIndex = startMonth - 1 + (quarter - 1) * 3; // months since January of startYear
  const lastIndex = firstIndex + 2;
  const first = shortMonth((firstIndex % 12) + 1, words.locale);
  const last = shortMonth((lastIndex % 12) + 1, words.locale);
  const firstYear = startYear + Math.floor(firstIndex / 12);
  const lastYear = startYear + Math.floor(lastIndex / 12);
  const months = firstYear === lastYear ? `${first}–${last} ${lastYear}` : `${first} ${firstYear}–${last} ${lastYear}`;
  return words.t('OutcomesView.quarter', { quarter: String(quarter), months });
}

function isSuppressed(outcome: PublicOutcome): boolean {
  return MEASURES[outcome.measure].countsPeople && isSmallCount(outcome.units);
}

export function outcomeRow(outcome: PublicOutcome, words?: ViewWords): OutcomeRowView {
  const locale = words?.locale ?? DEFAULT_LOCALE;
  const measure = measureWords(outcome, words);
  const suppressed = isSuppressed(outcome);
  // A suppressed count must not come back through its ratio: spent ÷ (cost per unit) would give it.
  const costPerUnitCents = suppressed ? null : centsPer(outcome.spentInPeriodCents, outcome.units);
  return {
    allocationId: outcome.allocationId,
    program: outcome.program,
    measure: measure.label,
    units: suppressed ? say(words, 'fewerThan11', SMALL_COUNT_TEXT) : countWithUnit(outcome.units, measure, locale),
    unitsValue: suppressed ? null : outcome.units.toString(),
    suppressed,
    period: formatPeriod(outcome.periodStart, outcome.periodEnd, locale),
    source: outcome.source,
    spentCents: outcome.spentInPeriodCents,
    costPerUnitCents,
    costPerUnit: suppressed
      ? say(words, 'withheld', WITHHELD_TEXT)
      : costPerUnitCents === null
        ? say(words, 'notReported', NOT_REPORTED_TEXT)
        : say(words, 'costPerUnit', `${formatCents(costPerUnitCents)} per ${measure.unit}`, { cost: formatCents(costPerUnitCents, { locale }), unit: measure.unit }),
  };
}

export function outcomesView(data: PublicOutcomes, fiscalYear: number, fyStartMonth: number, words?: ViewWords): OutcomesView {
  const reportedPrograms = new Set(data.outcomes.map((o) => o.allocationId));
  const silent = data.programs.filter((p) => !reportedPrograms.has(p.allocationId));
  // The query orders outcomes by program, then period.
  const rows = data.outcomes.map((outcome) => outcomeRow(outcome, words));
  const notReported = silent
    .map(({ allocationId, program, spentInYearCents }) => ({ allocationId, program, spentInYearCents }))
    .sort((a, b) => (b.spentInYearCents > a.spentInYearCents ? 1 : b.spentInYearCents < a.spentInYearCents ? -1 : a.program.localeCompare(b.program, 'en')));

  // By the quarter the outcome's period ends in, as the year is (public-outcomes.ts). Counts are added per measure
  // and unit; a free-form measure is its own row.
  const byMeasure = new Map<string, Record<string, bigint>>();
  let leftOut = false;
  for (const outcome of data.outcomes) {
    if (isSuppressed(outcome)) {
      leftOut = true;
      continue;
    }
    const { label, units } = measureWords(outcome, words);
    const key = `${label} (${units})`;
    const counts = byMeasure.get(key) ?? {};
    const quarter = `Q${fiscalQuarterOf(outcome.periodEnd, fyStartMonth)}`;
    counts[quarter] = (counts[quarter] ?? 0n) + outcome.units;
    byMeasure.set(key, counts);
  }
  const quarterRows = [...byMeasure.entries()].map(([measure, counts]) => {
    const row: Record<string, string> = {};
    let year = 0n;
    for (const quarter of QUARTERS) {
      const value = counts[`Q${quarter}`] ?? 0n;
      row[`Q${quarter}`] = value.toString();
      year += value;
    }
    row.total = year.toString();
    return { measure, counts: row };
  });

  return {
    rows,
    notReported,
    quarters: QUARTERS.map((quarter) => ({ key: `Q${quarter}`, label: outcomeQuarterLabel(fiscalYear, fyStartMonth, quarter, words) })),
    quarterRows,
    quarterTotalsLeaveOutSmallCounts: leftOut,
    summary: summarize(reportedPrograms.size, silent.length, fiscalYear, words),
  };
}

function summarize(reporting: number, silent: number, fiscalYear: number, words?: ViewWords): string {
  if (words) {
    const year = String(fiscalYear);
    if (reporting === 0 && silent === 0) return words.t('OutcomesView.summaryNothing', { year });
    return words.t('OutcomesView.summary', { reporting, silent, year });
  }
  if (reporting === 0 && silent === 0) return `No program has reported outcomes for FY${fiscalYear}, and none spent money that year.`;
  const programs = (n: number) => `${n} program${n === 1 ? '' : 's'}`;
  const reported = reporting === 0 ? 'No program reported outcomes' : `${programs(reporting)} reported outcomes`;
  const notReported = silent === 0 ? '' : `; ${programs(silent)} that spent money reported none`;
  return `${reported} for FY${fiscalYear}${notReported}.`;
}

/** The program table's rows for the DataTable (strings only; spent in cents). */
export function outcomeTableRows(view: OutcomesView): Record<string, string | null>[] {
  return view.rows.map((row) => ({
    program: row.program,
    measure: row.measure,
    units: row.units,
    period: row.period,
    spent: row.spentCents.toString(),
    costPerUnit: row.costPerUnit,
    source: row.source,
  }));
}

/** The "not reported" table's rows: each silent program and what it spent in the year (cents). */
export function notReportedTableRows(view: OutcomesView, words?: ViewWords): Record<string, string>[] {
  const outcomes = say(words, 'notReportedCell', 'Not reported');
  return view.notReported.map((program) => ({ program: program.program, spent: program.spentInYearCents.toString(), outcomes }));
}

/** The quarter table's rows for the DataTable: a row per measure, a column per quarter and the year. */
export function outcomeQuarterTableRows(view: OutcomesView): Record<string, string>[] {
  return view.quarterRows.map((row) => ({ measure: row.measure, ...row.counts }));
}
