import { createHash } from 'node:crypto';
import { MEASURE_KEYS, MEASURES, findMeasure, type OutcomeFigures, type OutcomeMeasure } from '@/lib/outcomes/measures';
import { parseDateCell } from './date-cell';
import { normalizeHeader } from './fields';
import { normalizeIdentity } from './import-key';
import { OUTCOME_FIELD_TABLE, type OutcomeField } from './kind-fields';
import { locateCompleteTable, readKindRows, type KindRowsResult } from './kind-table';
import { findLine, indexLines, yearsLabel, type ExpenditureLine } from './parse-expenditures';

/**
 * A program outcome report's rows → the outcomes to record as drafts, each against a live allocation line of the
 * locality found by its program name as payments find theirs (parse-expenditures.ts). The rules are the outcome
 * form's (lib/services/outcomes/input.ts): a known measure (or Other with its name and unit), a period that does not
 * end before it starts, a whole count of 0 or more, a source. Pure: the caller passes the locality's live lines.
 */

export interface ParsedOutcome extends OutcomeFigures {
  row: number;
  importKey: string;
  allocationId: number;
  /** The program as people name it: "Naloxone distribution (FY2025)". */
  allocationLabel: string;
}

export type OutcomeRowsResult = KindRowsResult<ParsedOutcome, OutcomeField>;

/** The form's ceiling (lib/services/outcomes/input.ts): beyond any program's count, inside PostgreSQL's bigint. */
const MAX_UNITS = 10n ** 15n;
const NAME_MAX = 200;
const UNIT_MAX = 50;
const SOURCE_MAX = 500;

/** How program reports name the measures, besides their labels and keys (compared after normalizeHeader). */
const MEASURE_SYNONYMS: Record<string, OutcomeMeasure> = Object.fromEntries(
  (
    [
      ['People served', 'people_served'], ['Individuals served', 'people_served'], ['Clients served', 'people_served'],
      ['Participants', 'people_served'], ['Patients served', 'people_served'], ['Unduplicated clients', 'people_served'],
      ['New people served', 'people_served_new'], ['New clients', 'people_served_new'], ['New clients served', 'people_served_new'],
      ['New individuals served', 'people_served_new'], ['New enrollments', 'people_served_new'],
      ['Naloxone kits', 'naloxone_kits'], ['Naloxone', 'naloxone_kits'], ['Narcan kits', 'naloxone_kits'],
      ['Narcan kits distributed', 'naloxone_kits'], ['Naloxone kits distributed', 'naloxone_kits'],
      ['Overdose reversals', 'overdose_reversals'], ['Reversals', 'overdose_reversals'], ['Reversals reported', 'overdose_reversals'],
      ['Overdoses reversed', 'overdose_reversals'],
      ['MOUD starts', 'moud_started'], ['MOUD inductions', 'moud_started'], ['Started on MOUD', 'moud_started'],
      ['MAT inductions', 'moud_started'], ['People started on MAT', 'moud_started'],
      ['MOUD retention', 'moud_retained_90_days'], ['Retained in MOUD at 90 days', 'moud_retained_90_days'],
      ['90-day retention', 'moud_retained_90_days'], ['MOUD retained 90 days', 'moud_retained_90_days'],
      ['Syringes distributed', 'syringes_supplies'], ['Syringes', 'syringes_supplies'], ['Harm reduction supplies', 'syringes_supplies'],
      ['Supplies distributed', 'syringes_supplies'],
      ['People housed', 'housing_placements'], ['Housing placement', 'housing_placements'],
      ['Outreach contacts', 'outreach_contacts'], ['People reached', 'outreach_contacts'], ['Outreach', 'outreach_contacts'],
      ['Other', 'other'], ['Custom', 'other'],
    ] as const
  ).map(([text, measure]) => [normalizeHeader(text), measure]),
);

/** A measure as a report writes it: the label or key (findMeasure), or one of the synonyms above. */
export function measureFromText(text: string): OutcomeMeasure | null {
  return findMeasure(text) ?? MEASURE_SYNONYMS[normalizeHeader(text)] ?? null;
}

export function parseOutcomeRows(
  rows: readonly string[][],
  context: { lines: readonly ExpenditureLine[] },
  userMapping?: Record<string, string | null>,
): OutcomeRowsResult {
  const table = locateCompleteTable(rows, OUTCOME_FIELD_TABLE, 'outcomes', userMapping);
  if (!table.ok) return table;
  const measureNames = MEASURE_KEYS.map((key) => MEASURES[key].label).join(', ');
  const lines = indexLines(context.lines);
  const firstRowOf = new Map<string, number>();
  return readKindRows(table, OUTCOME_FIELD_TABLE, (cell, row): ParsedOutcome | null => {
    const { text, fail, required } = cell;

    const programText = required('program');
    const found = programText === null ? null : findLine(lines, programText, null, null, false);
    const line = found === null ? null : found.ok ? found.line : fail('program', found.reason);

    const measureText = required('measure');
    let measure: OutcomeMeasure | null = null;
    if (measureText !== null) {
      measure = measureFromText(measureText) ?? fail('measure', `"${measureText}" is not a measure; write one of ${measureNames}`);
    }
    let customMeasureName: string | null = null;
    let unit: string | null = null;
    if (measure === 'other') {
      customMeasureName = required('measure_name');
      unit = required('unit');
      if (customMeasureName !== null && customMeasureName.length > NAME_MAX) customMeasureName = fail('measure_name', `keep the measure's name under ${NAME_MAX} characters`);
      if (unit !== null && unit.length > UNIT_MAX) unit = fail('unit', `keep the unit under ${UNIT_MAX} characters`);
    } else if (measure !== null) {
      const why = `"${MEASURES[measure].label}" has its own name and unit; leave this empty, or write Other as the measure`;
      if (text('measure_name') !== '') fail('measure_name', why);
      if (text('unit') !== '') fail('unit', why);
    }

    const periodStart = dateOf('period_start');
    const periodEnd = dateOf('period_end');
    if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) fail('period_end', `the period ends (${periodEnd}) before it starts (${periodStart})`);

    let units: bigint | null = null;
    const unitsText = required('units');
    if (unitsText !== null) {
      const digits = unitsText.replace(/,/g, '');
      if (!/^\d{1,16}$/.test(digits) || BigInt(digits) > MAX_UNITS) fail('units', `"${unitsText}" is not a count; write a whole number of 0 or more, without decimals`);
      else units = BigInt(digits);
    }

    const source = required('source');
    if (source !== null && source.length > SOURCE_MAX) fail('source', `the source is ${source.length} characters; keep it under ${SOURCE_MAX}`);

    if (cell.errors.length > 0 || line === null || measure === null || periodStart === null || periodEnd === null || units === null || source === null) {
      return null;
    }
    const importKey = outcomeKeyOf({ allocationId: line.id, measure, customMeasureName, periodStart, periodEnd });
    const first = firstRowOf.get(importKey);
    if (first !== undefined) {
      // Two counts of one measure for one program and period would be counted twice in public.
      return fail('measure', `row ${first} already counts this measure of "${line.program}" for ${periodStart} to ${periodEnd}`);
    }
    firstRowOf.set(importKey, row);
    return {
      row,
      importKey,
      allocationId: line.id,
      allocationLabel: `${line.program} (${yearsLabel(line)})`,
      measure,
      customMeasureName,
      unit,
      periodStart,
      periodEnd,
      units,
      source,
    };

    function dateOf(field: 'period_start' | 'period_end'): string | null {
      const value = required(field);
      if (value === null) return null;
      const date = parseDateCell(value);
      return date.ok ? date.value : fail(field, date.reason);
    }
  });
}

/**
 * What identifies an outcome across re-imports: the program, what was counted and the period. Not the count or the
 * source: a corrected count in a later copy of the report must not record the period twice.
 */
export function outcomeKeyOf(input: {
  allocationId: number;
  measure: OutcomeMeasure;
  customMeasureName: string | null;
  periodStart: string;
  periodEnd: string;
}): string {
  const parts = ['abate-outcome-v1', input.allocationId, input.measure, normalizeIdentity(input.customMeasureName ?? ''), input.periodStart, input.periodEnd];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
