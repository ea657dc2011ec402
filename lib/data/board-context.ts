/**
 * What the context page shows and edits for one locality and fiscal year: residents and overdose deaths (in all, by
 * race/ethnicity, by area) and the people each program served by race/ethnicity. Staff see the real counts; the
 * public pages suppress small ones.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';
import { shortenText } from '@/lib/text/shorten';

export interface ContextTotals {
  population: number | null;
  overdoseDeaths: number | null;
  source: string;
  /** "YYYY-MM-DD HH:MM UTC", null when nothing was entered for the year. */
  updatedAt: string | null;
}

export interface BreakdownRow {
  groupKey: string;
  groupLabel: string;
  population: number | null;
  overdoseDeaths: number | null;
}

export interface ServedProgram {
  allocationId: number;
  program: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  amountCents: bigint;
  /** People served by group key; a group without a row is "not known". */
  served: Record<string, number>;
}

export interface LocalityContextForYear {
  totals: ContextTotals;
  raceEthnicity: BreakdownRow[];
  areas: BreakdownRow[];
  programs: ServedProgram[];
  /** Race/ethnicity groups to offer in the people-served forms: this year's breakdown, else the latest known. */
  raceGroups: { key: string; label: string }[];
}

export async function readLocalityContext(executor: Executor, localityId: number, fiscalYear: number): Promise<LocalityContextForYear> {
  const [totals] = await queryRows<{ population: number | null; overdoseDeaths: number | null; source: string; updatedAt: string }>(
    executor,
    sql`select population, overdose_deaths as "overdoseDeaths", source,
          to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as "updatedAt"
        from locality_context where locality_id = ${localityId} and fiscal_year = ${fiscalYear}`,
  );
  const breakdowns = await queryRows<BreakdownRow & { dimension: 'race_ethnicity' | 'area' }>(
    executor,
    sql`select dimension::text as dimension, group_key as "groupKey", group_label as "groupLabel", population,
          overdose_deaths as "overdoseDeaths"
        from context_breakdowns where locality_id = ${localityId} and fiscal_year = ${fiscalYear}
        order by dimension, group_label, group_key`,
  );
  const programs = await queryRows<{ id: number; program: string; status: ServedProgram['status']; amount: string; served: Record<string, number> | string | null }>(
    executor,
    sql`select a.id, a.program, a.status::text as status, a.amount_cents::text as amount,
          (select jsonb_object_agg(p.group_key, p.people) from people_served p
            where p.allocation_id = a.id and p.fiscal_year = ${fiscalYear}) as served
        from allocations a
        where a.locality_id = ${localityId} and a.fiscal_year = ${fiscalYear} and a.deleted_at is null
        order by (a.status = 'approved') desc, lower(a.program), a.id`,
  );
  const strip = (row: BreakdownRow): BreakdownRow => ({
    groupKey: row.groupKey,
    groupLabel: row.groupLabel,
    population: row.population,
    overdoseDeaths: row.overdoseDeaths,
  });
  const raceEthnicity = breakdowns.filter((row) => row.dimension === 'race_ethnicity').map(strip);
  const areas = breakdowns.filter((row) => row.dimension === 'area').map(strip);
  let raceGroups = raceEthnicity.map((row) => ({ key: row.groupKey, label: row.groupLabel }));
  if (raceGroups.length === 0) {
    raceGroups = await queryRows<{ key: string; label: string }>(
      executor,
      sql`select distinct on (group_key) group_key as key, group_label as label from context_breakdowns
          where locality_id = ${localityId} and dimension = 'race_ethnicity'
          order by group_key, fiscal_year desc`,
    );
  }
  // People served in groups the breakdown does not list are still shown, so nothing entered disappears.
  const known = new Set(raceGroups.map((group) => group.key));
  const parsed = programs.map((row) => ({
    allocationId: row.id,
    program: row.program,
    status: row.status,
    amountCents: toCents(row.amount),
    served: parseServed(row.served),
  }));
  for (const program of parsed) {
    for (const key of Object.keys(program.served)) {
      if (!known.has(key)) {
        known.add(key);
        raceGroups.push({ key, label: key });
      }
    }
  }
  return {
    totals: totals
      ? { population: totals.population, overdoseDeaths: totals.overdoseDeaths, source: totals.source, updatedAt: totals.updatedAt }
      : { population: null, overdoseDeaths: null, source: '', updatedAt: null },
    raceEthnicity,
    areas,
    programs: parsed,
    raceGroups,
  };
}

function parseServed(value: Record<string, number> | string | null): Record<string, number> {
  if (value === null) return {};
  const object = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  const served: Record<string, number> = {};
  if (typeof object === 'object' && object !== null) {
    for (const [key, people] of Object.entries(object)) if (typeof people === 'number') served[key] = people;
  }
  return served;
}

// ---------- CSV import of breakdowns

export const CONTEXT_CSV_COLUMNS = ['dimension', 'group_key', 'group_label', 'population', 'overdose_deaths'] as const;

export interface ContextCsvError {
  /** 1-based line of the file, as a spreadsheet shows it; 0 for the file as a whole. */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ContextCsvGroup {
  groupKey: string;
  groupLabel: string;
  /** As typed (commas removed); '' means not known. The service parses them again. */
  population: string;
  overdoseDeaths: string;
}

export type ContextCsvResult =
  | { ok: true; dimensions: Partial<Record<'race_ethnicity' | 'area', ContextCsvGroup[]>>; rows: number }
  | { ok: false; errors: ContextCsvError[] };

const DIMENSION_WORDS: Readonly<Record<string, 'race_ethnicity' | 'area'>> = {
  race_ethnicity: 'race_ethnicity',
  'race/ethnicity': 'race_ethnicity',
  race: 'race_ethnicity',
  area: 'area',
  zip: 'area',
  district: 'area',
};

const MAX_COUNT = 2_147_483_647;

function normalizeHeader(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Rows of cell text (from `readSpreadsheet`) → the breakdowns to save, or every problem at once: the header must name
 * the five columns (in any order); each row needs a known dimension, a key like "district-3", a name, and counts
 * that are whole numbers of 0 or more or empty (not known). A key may appear once per dimension. Blank rows are
 * skipped. Nothing is saved unless every row is right.
 */
export function parseContextCsv(rows: readonly (readonly string[])[]): ContextCsvResult {
  const errors: ContextCsvError[] = [];
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  const header = headerIndex === -1 ? [] : (rows[headerIndex] ?? []).map(normalizeHeader);
  const position: Record<string, number> = {};
  for (const column of CONTEXT_CSV_COLUMNS) {
    const index = header.indexOf(column);
    if (index === -1) errors.push({ row: headerIndex + 1, column, value: '', reason: `The header has no “${column}” column.` });
    else position[column] = index;
  }
  if (errors.length > 0) return { ok: false, errors };

  const dimensions: Partial<Record<'race_ethnicity' | 'area', ContextCsvGroup[]>> = {};
  const seen = new Map<string, number>();
  let count = 0;
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    if (row.every((cell) => cell.trim() === '')) continue;
    const line = index + 1;
    const cell = (column: (typeof CONTEXT_CSV_COLUMNS)[number]) => (row[position[column] ?? -1] ?? '').trim();
    const rowErrors: ContextCsvError[] = [];
    const dimensionText = cell('dimension');
    const dimension = DIMENSION_WORDS[dimensionText.toLowerCase()];
    if (!dimension) {
      rowErrors.push({ row: line, column: 'dimension', value: dimensionText, reason: 'Write race_ethnicity or area.' });
    }
    const key = cell('group_key');
    if (!/^[a-z0-9][a-z0-9_-]{0,49}$/.test(key)) {
      rowErrors.push({ row: line, column: 'group_key', value: key, reason: 'Use lowercase letters, digits and dashes only, like “district-3”.' });
    } else if (dimension) {
      const earlier = seen.get(`${dimension}:${key}`);
      if (earlier !== undefined) {
        rowErrors.push({ row: line, column: 'group_key', value: key, reason: `The same key is already on line ${earlier} for this dimension.` });
      } else {
        seen.set(`${dimension}:${key}`, line);
      }
    }
    const label = cell('group_label');
    if (label === '') rowErrors.push({ row: line, column: 'group_label', value: '', reason: 'Name the group as residents would read it.' });
    else if (label.length > 200) rowErrors.push({ row: line, column: 'group_label', value: shortenText(label, 41), reason: 'Keep the name under 200 characters.' });
    const counts: Record<'population' | 'overdose_deaths', string> = { population: '', overdose_deaths: '' };
    for (const column of ['population', 'overdose_deaths'] as const) {
      const text = cell(column).replace(/,/g, '');
      if (text !== '' && (!/^\d{1,10}$/.test(text) || Number(text) > MAX_COUNT)) {
        rowErrors.push({ row: line, column, value: cell(column), reason: 'Enter a whole number of 0 or more, or leave it empty if it is not known.' });
      }
      counts[column] = text;
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    count += 1;
    (dimensions[dimension!] ??= []).push({ groupKey: key, groupLabel: label, population: counts.population, overdoseDeaths: counts.overdose_deaths });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (count === 0) return { ok: false, errors: [{ row: 0, column: '', value: '', reason: 'The file has a header but no rows of data.' }] };
  for (const groups of Object.values(dimensions)) {
    if (groups.length > 100) return { ok: false, errors: [{ row: 0, column: '', value: '', reason: 'List at most 100 groups per dimension.' }] };
  }
  return { ok: true, dimensions, rows: count };
}
