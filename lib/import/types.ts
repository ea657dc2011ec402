import { allocationStatus, recipientType } from '@/db/schema/enums';
import type { CostType } from '@/lib/services/cost-type';

/** The shapes that pass between the import's parsing layer and the code that looks up and writes rows. */

/** The kinds of recipient and the statuses of a line: the database enums' values, listed nowhere else. */
export const RECIPIENT_TYPES = recipientType.enumValues;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const ALLOCATION_STATUSES = allocationStatus.enumValues;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/** What the parser needs to know about the locality it imports into; the caller answers from the database. */
export interface ImportContext {
  fyStartMonth: number;
  /**
   * A category by name or key in any framework the locality uses. `preferredFramework` (a framework key) settles a
   * short name that two frameworks share, the way the rest of the file is written.
   */
  resolveCategory(nameOrKey: string, preferredFramework?: string): CategoryResolution;
  /** The framework most of the file's unambiguous category names belong to; null when none or a tie. */
  preferredFrameworkOf?(names: readonly string[]): string | null;
  /** "Other / not yet classified" (of the preferred framework when it has one), for a blank category cell. */
  unclassifiedCategory?(preferredFramework?: string): CategoryResolution;
  /** A funding source by name or key; null when there is none. */
  resolveSource(nameOrKey: string): number | null;
  /** Fiscal years an import may touch. Years outside 2000–2100 are refused regardless (the database's check). */
  allowedFiscalYears?: { min: number; max: number };
}

export type CategoryResolution =
  | { ok: true; categoryId: number; label: string; matchedBy?: string }
  | { ok: false; reason: string };

/** One category name as the file writes it, and what it was matched to: shown in the preview. */
export interface CategoryMatch {
  /** The name as written ('' for a blank cell). */
  written: string;
  categoryId: number;
  label: string;
  /** How many rows use it. */
  rows: number;
}

export interface ImportRowError {
  /** 1-based row number as the user sees it in the file (Excel's row number; the line number of a CSV). */
  row: number;
  /** The file's header text for the column; '' when the error is about the file as a whole. */
  column: string;
  value: string;
  reason: string;
}

/** What an allocation line says of itself, in a file's row and in a line already stored alike. */
export interface LineIdentity {
  /**
   * Fiscal year, program and recipient only. Two rows (or a row and a stored line) with the same lineKey but a
   * different importKey are probably one line whose amount or categories were edited: the writer can warn.
   */
  lineKey: string;
  fiscalYear: number;
  /** The last fiscal year of a multi-year authorization; null for one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
  recipient: string | null;
}

export interface ParsedImportRow extends LineIdentity {
  row: number;
  /** Identifies the line for re-imports; see import-key.ts for what it covers and why. */
  importKey: string;
  recipientType: RecipientType | null;
  splits: { categoryId: number; shareBasisPoints: number }[];
  amountCents: bigint;
  /** True when the file has no budget column and the amount is what was spent (the Massachusetts form). */
  amountFromSpent: boolean;
  spentCents: bigint | null;
  /** The Massachusetts line-item cost type; null when the file has no such column or the cell is empty. */
  costType: CostType | null;
  sourceId: number | null;
  status: AllocationStatus | null;
}

export interface ImportPreview {
  rows: ParsedImportRow[];
  errors: ImportRowError[];
  /** Blank rows, title rows above the header, totals rows: never imported, listed so nothing vanishes silently. */
  skipped: { row: number; reason: string }[];
  /** Every category name the file uses, what it matched and in how many rows, in order of first use. */
  categoryMatches: CategoryMatch[];
  /** The framework the file's category names mostly come from, which settled shared short names; null if none. */
  preferredFramework: string | null;
}
