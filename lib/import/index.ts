/**
 * Spreadsheet import, parsing and validation half: bytes of the CSV or XLSX a budget office already keeps → the
 * lines it holds, with every problem named by row, column, value and reason. No database access here; the caller
 * passes an ImportContext that answers category and source lookups, and writes the rows it gets back.
 */
import { FIELD_LABELS, missingRequiredFields, suggestMapping, type ImportField } from './fields';
import { findHeader, locateHeader, type Mapping } from './locate-table';
import { runCooperatively } from './cooperative';
import { fiscalYearFromTitle, parseImportRowsSteps, type TitleFiscalYear } from './parse-rows';
import type { ReadSpreadsheetOptions } from './read-file';
import { readSpreadsheetOffThread as readSpreadsheet } from './read-off-thread';
import type { ImportContext, ImportPreview } from './types';

export {
  FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  missingRequiredFields,
  fieldForHeader,
  normalizeHeader,
  parseMapArgument,
  suggestMapping,
} from './fields';
export type { ImportField, ParseMapResult } from './fields';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS } from './read-file';
/**
 * The application reads uploads off the request thread, with a memory cap (read-off-thread.ts); read-file.ts's
 * readSpreadsheet is the same read on the calling thread, for the worker itself and for small files.
 */
export { readSpreadsheetOffThread as readSpreadsheet } from './read-off-thread';
export type { ReadSpreadsheetOptions, ReadSpreadsheetResult } from './read-file';
export { locateHeader, locateTable } from './locate-table';
export type { LocateOptions, LocatedTable, Mapping, TableRow } from './locate-table';
export { fiscalYearFromTitle, parseImportRows } from './parse-rows';
export type { TitleFiscalYear } from './parse-rows';
export { importKeyOf, lineKeyOf } from './import-key';
export { ALLOCATION_STATUSES, RECIPIENT_TYPES } from './types';
export { parseFiscalPeriod } from './cell-values';
export type { FiscalPeriod } from './cell-values';
export type {
  AllocationStatus,
  CategoryMatch,
  CategoryResolution,
  ImportContext,
  ImportPreview,
  ImportRowError,
  LineIdentity,
  ParsedImportRow,
  RecipientType,
} from './types';

export interface PreviewImportOptions extends ReadSpreadsheetOptions {
  /** What this locality mapped last time (header → field); used for headers the given mapping does not cover. */
  remembered?: Record<string, ImportField>;
}

export type PreviewImportResult =
  | {
      ok: true;
      headers: string[];
      mapping: Mapping;
      preview: ImportPreview;
      /** The fiscal year every row takes from the title, when no column holds one. */
      titleFiscalYear?: TitleFiscalYear;
    }
  /** `headers` and `mapping` are there when the file was read, so a form can ask the user to complete the mapping. */
  | { ok: false; reason: string; headers?: string[]; mapping?: Mapping };

/**
 * read (on a worker thread) → find the header row → map columns → parse. `mapping` (header → field, or null to ignore a column) is the
 * user's choice and wins; columns it does not mention are suggested from `remembered` and the synonym list.
 */
export async function previewImport(
  bytes: Uint8Array,
  fileName: string,
  mapping: Mapping | undefined,
  context: ImportContext,
  options: PreviewImportOptions = {},
): Promise<PreviewImportResult> {
  const read = await readSpreadsheet(bytes, fileName, options);
  if (!read.ok) return read;
  const header = locateHeader(read.rows, { mapping, remembered: options.remembered });
  if (!header.ok) return header;
  const { headers } = header;

  const resolved = completeMapping(headers, mapping, options.remembered);
  if (!resolved.ok) return { ok: false, reason: resolved.reason, headers };
  const finalMapping = resolved.mapping;

  const mapped = new Set(Object.values(finalMapping));
  const titleFiscalYear = mapped.has('fiscal_year')
    ? undefined
    : fiscalYearFromTitle(read.rows.slice(0, header.headerRowIndex), fileName, context);
  if (titleFiscalYear) mapped.add('fiscal_year');
  const missing = missingRequiredFields(mapped);
  if (missing.length > 0) {
    const names = missing.map((field) => FIELD_LABELS[field]).join(', ');
    const columns = headers.filter((text) => text !== '').map((text) => `"${text}"`).join(', ');
    return {
      ok: false,
      reason:
        `No column is mapped to the required field${missing.length > 1 ? 's' : ''} ${names}. ` +
        `The file's columns are ${columns}; choose which one holds each.`,
      headers,
      mapping: finalMapping,
    };
  }

  const preview = await runCooperatively(parseImportRowsSteps(read.rows, finalMapping, context, { fiscalYear: titleFiscalYear }));
  return { ok: true, headers, mapping: finalMapping, preview, ...(titleFiscalYear ? { titleFiscalYear } : {}) };
}

/** The user's mapping, keyed by the file's own header text, plus suggestions for every column it leaves out. */
function completeMapping(
  headers: string[],
  mapping: Mapping | undefined,
  remembered: Record<string, ImportField> | undefined,
): { ok: true; mapping: Mapping } | { ok: false; reason: string } {
  if (!mapping) return { ok: true, mapping: suggestMapping(headers, remembered) };

  // A Map, turned into a plain object at the end, so no header text ("__proto__") can act on the object itself.
  const result = new Map<string, ImportField | null>();
  const headerOf = new Map<ImportField, string>();
  for (const [key, field] of Object.entries(mapping)) {
    const index = findHeader(headers, key);
    // locateHeader found every non-null key; a null for a column that is not there has nothing to ignore.
    if (index < 0) continue;
    const header = headers[index] ?? key;
    if (field !== null) {
      const other = headerOf.get(field);
      if (other !== undefined && other !== header) {
        const reason = `Both "${other}" and "${header}" are mapped to ${FIELD_LABELS[field]}; a field takes one column`;
        return { ok: false, reason };
      }
      headerOf.set(field, header);
    }
    result.set(header, field);
  }

  const rest = headers.filter((header) => !result.has(header));
  const suggested = suggestMapping(rest, remembered);
  for (const header of rest) {
    const field = suggested[header] ?? null;
    result.set(header, field !== null && !headerOf.has(field) ? field : null);
  }
  return { ok: true, mapping: Object.fromEntries(result) };
}
