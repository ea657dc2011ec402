/**
 * What the import's route handlers send the browser: plain JSON (cents as decimal strings, never numbers), shared
 * by the server that builds it and the wizard that reads it. No server code here.
 */

export interface WireRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
  /** The one-line form the command line prints too. */
  text: string;
}

export interface WireLine {
  row: number;
  fiscalYear: number;
  /** Last fiscal year of a multi-year authorization; null for one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
  recipient: string | null;
  recipientIsNew: boolean;
  recipientType: string | null;
  /** "Medications for opioid use disorder 40%; Housing 60%". */
  categories: string;
  amountCents: string;
  spentCents: string | null;
  spentOn: string | null;
  source: string | null;
  status: string;
}

export interface WireSkipped {
  row: number;
  kind: 'not-a-line' | 'already-imported';
  reason: string;
  allocationId: number | null;
}

export interface WireWarning {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A stored line a re-import changes, each field before → after ("$56,700.00 → $60,000.00", "draft → submitted"). */
export interface WireChange {
  row: number;
  allocationId: number;
  fiscalYear: number;
  program: string;
  recipient: string | null;
  changes: { field: string; before: string; after: string }[];
}

/** Line rows by what the import does with them; each row is counted once. */
export interface WireCounts {
  new: number;
  changed: number;
  upToDate: number;
  refused: number;
}

export type Mapping = Record<string, string | null>;

export interface WirePreview {
  ok: true;
  fileName: string;
  headers: string[];
  mapping: Mapping;
  committable: boolean;
  /** Lines to create; at most LIST_LIMIT of them, `createCount` says how many in all. */
  create: WireLine[];
  createCount: number;
  /** Stored lines the import changes; at most LIST_LIMIT, `counts.changed` says how many in all. */
  changes: WireChange[];
  counts: WireCounts;
  /** Every line the preview says will change, at the version it read: sent back with the commit (optimistic lock). */
  expectedChanges: { allocationId: number; version: number }[];
  errors: WireRowError[];
  errorCount: number;
  errorRowCount: number;
  skipped: WireSkipped[];
  skippedCount: number;
  alreadyImported: number;
  warnings: WireWarning[];
  warningCount: number;
  newRecipients: { name: string; type: string; row: number }[];
  /** Each category name the file writes → the category it was matched to, with how many rows use it. */
  categoryMatches: { written: string; frameworkName: string; label: string; rows: number }[];
  /** Facts about how the file was read (fiscal year from the title, amounts from the spent column). */
  notes: string[];
  totals: { amountCents: string; spentCents: string };
}

export interface WireFailure {
  ok: false;
  reason: string;
  headers?: string[];
  mapping?: Mapping;
  errors?: WireRowError[];
  errorCount?: number;
}

export interface WireCommitResult {
  ok: true;
  created: number;
  /** Stored lines changed in place. */
  updated: number;
  upToDate: number;
  changes: WireChange[];
  alreadyImported: number;
  skipped: number;
  recipientsCreated: number;
  totals: { amountCents: string; spentCents: string };
  /** The first LIST_LIMIT created lines. */
  lines: { id: number; row: number; fiscalYear: number; program: string; amountCents: string }[];
}

/** One line of the commit's NDJSON stream. */
export type CommitEvent =
  /** Waiting for other imports on this server to finish: 1 is next. */
  | { type: 'queued'; position: number }
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'result' } & WireCommitResult)
  | ({ type: 'failure' } & WireFailure);

/** Lists longer than this are cut in the browser (the counts stay exact); the command line prints everything. */
export const LIST_LIMIT = 5_000;

export interface FieldOption {
  value: string;
  label: string;
  required: boolean;
}
