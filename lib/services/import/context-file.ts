/**
 * Import residents and overdose deaths by race/ethnicity and by area from a CSV or Excel file: every row is checked
 * first (and every problem reported at once, with its line); then each dimension in the file replaces that
 * dimension's table for the year, all in one transaction — all rows or none. Dimensions not in the file are left as
 * they are. The writes go through `setContextBreakdown`, which checks the person's role and records the audit rows.
 */
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readSpreadsheet } from '@/lib/import/read-file';
import { setContextBreakdown } from '../equity/set-context';
import { parseContextCsv, type ContextCsvError } from '@/lib/import/context-csv';
import { type ServiceContext, withTransaction } from '../context';

/** Context files are small: a few dozen groups. */
export const CONTEXT_IMPORT_MAX_BYTES = 1024 * 1024;

export type ContextImportResult =
  | { ok: true; rows: number; dimensions: { dimension: 'race_ethnicity' | 'area'; groups: number }[] }
  | { ok: false; reason: string; errors: ContextCsvError[] };

export async function importContextFile(
  ctx: ServiceContext<Actor | null>,
  input: { localityId: number; fiscalYear: number; bytes: Uint8Array; fileName: string },
): Promise<ContextImportResult> {
  const { actor } = ctx;
  // Who may import is checked before the file is read; each write checks again.
  requireScope(actor, 'money.write', input.localityId);
  const read = await readSpreadsheet(input.bytes, input.fileName, { maxBytes: CONTEXT_IMPORT_MAX_BYTES, maxRows: 1000, maxColumns: 50 });
  if (!read.ok) return { ok: false, reason: `${read.reason}.`, errors: [] };
  const parsed = parseContextCsv(read.rows);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: `Nothing was saved: ${parsed.errors.length === 1 ? '1 problem' : `${parsed.errors.length} problems`} in the file. Correct them and import the file again.`,
      errors: parsed.errors,
    };
  }
  const dimensions = (['race_ethnicity', 'area'] as const).flatMap((dimension) => {
    const groups = parsed.dimensions[dimension];
    return groups ? [{ dimension, groups }] : [];
  });
  // One transaction for every dimension: each setContextBreakdown joins it (withTransaction) instead of opening its own.
  await withTransaction(ctx, async (tx) => {
    for (const { dimension, groups } of dimensions) {
      await setContextBreakdown(tx, { localityId: input.localityId, fiscalYear: input.fiscalYear, dimension, groups });
    }
  });
  return { ok: true, rows: parsed.rows, dimensions: dimensions.map(({ dimension, groups }) => ({ dimension, groups: groups.length })) };
}
