/**
 * The context file staff upload (residents and overdose deaths by race/ethnicity and by area): its columns and the
 * check of every row, with each problem's line and column. Pure; lib/services/import/context-file.ts writes it.
 */
import { shortenText } from '@/lib/text/shorten';

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
