import { emitAudit, type ServiceTransaction } from '../context';
import type { ImportAuthority } from './actor';

/** Who the row names: the person (null for the command line) and how they were allowed (the audit row's reason). */
type ImportRecorder = Pick<ImportAuthority, 'userId' | 'via'>;

/** The file imported, into which locality. */
export interface ImportedFile {
  localityId: number;
  fileName: string;
  bytes: Uint8Array;
}

/** What every import's audit row says of its rows; `details` adds what one kind counts besides. */
export interface ImportSummary {
  importId: string;
  /** The kind of rows ("receipts", "outcomes", …); absent for allocation lines, the first kind, whose rows never had it. */
  kind?: string;
  created: number;
  /** The plan's skipped rows; those already imported are counted apart from the rest. */
  skipped: readonly { kind: string }[];
  mapping: Record<string, string | null>;
  details?: Record<string, unknown>;
}

/**
 * The import's own audit row, in the import's transaction. It names the import's locality, so the transaction signals
 * that locality's change when it commits (which drops cached public pages): the per-record audit rows the writers
 * insert (write.ts) name the same locality and need not be noted again. Returns how many rows were already imported, which the verb also reports to the person.
 */
export async function recordImportAudit(
  tx: ServiceTransaction,
  authority: ImportRecorder,
  file: ImportedFile,
  summary: ImportSummary,
): Promise<number> {
  const alreadyImported = summary.skipped.filter((row) => row.kind === 'already-imported').length;
  await emitAudit(tx, {
    userId: authority.userId,
    localityId: file.localityId,
    action: 'import',
    entity: 'import',
    entityId: summary.importId,
    after: {
      ...(summary.kind ? { kind: summary.kind } : {}),
      fileName: file.fileName,
      bytes: file.bytes.byteLength,
      created: summary.created,
      alreadyImported,
      skipped: summary.skipped.length - alreadyImported,
      ...summary.details,
      mapping: summary.mapping,
      userId: authority.userId,
    },
    reason: authority.via,
  });
  return alreadyImported;
}
