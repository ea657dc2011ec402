/** The shapes that pass between the import's parsing layer and the code that looks up and writes rows. */

export const RECIPIENT_TYPES = [
  'government_department',
  'law_enforcement',
  'courts_corrections',
  'health_care_provider',
  'community_based_organization',
  'faith_based_organization',
  'school_or_university',
  'private_vendor',
  'other',
] as const;

export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const ALLOCATION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/** What the parser needs to know about the locality it imports into; the caller answers from the database. */
export interface ImportContext {
  fyStartMonth: number;
  /** A category by name or key in any framework the locality uses. */
  resolveCategory(nameOrKey: string): { ok: true; categoryId: number; label: string } | { ok: false; reason: string };
  /** A funding source by name or key; null when there is none. */
  resolveSource(nameOrKey: string): number | null;
  /** Fiscal years an import may touch. Years outside 2000–2100 are refused regardless (the database's check). */
  allowedFiscalYears?: { min: number; max: number };
}

export interface ImportRowError {
  /** 1-based row number as the user sees it in the file (Excel's row number; the line number of a CSV). */
  row: number;
  /** The file's header text for the column; '' when the error is about the file as a whole. */
  column: string;
  value: string;
  reason: string;
}

export interface ParsedImportRow {
  row: number;
  /** Identifies the line for re-imports; see import-key.ts for what it covers and why. */
  importKey: string;
  /**
   * Fiscal year, program and recipient only. Two rows (or a row and a stored line) with the same lineKey but a
   * different importKey are probably one line whose amount or categories were edited: the writer can warn.
   */
  lineKey: string;
  fiscalYear: number;
  program: string;
  description: string;
  recipient: string | null;
  recipientType: RecipientType | null;
  splits: { categoryId: number; shareBasisPoints: number }[];
  amountCents: bigint;
  spentCents: bigint | null;
  sourceId: number | null;
  status: AllocationStatus | null;
}

export interface ImportPreview {
  rows: ParsedImportRow[];
  errors: ImportRowError[];
  /** Blank rows, title rows above the header, totals rows: never imported, listed so nothing vanishes silently. */
  skipped: { row: number; reason: string }[];
}
