import { DEFAULT_MAX_BYTES } from '@/lib/import';
import { formatSize } from '@/lib/import/zip-guard';

/**
 * The largest spreadsheet an import accepts, in bytes: ABATE_IMPORT_MAX_BYTES, or 20 MiB (about 200,000 budget
 * lines as CSV). Checked before a byte of the file is read into memory, by the web upload and the command line.
 */
export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ABATE_IMPORT_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_MAX_BYTES;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`ABATE_IMPORT_MAX_BYTES must be a whole number of bytes, got "${raw}"`);
  }
  return value;
}

/** The refusal for a file over the limit, the same words in the browser, the server and the command line. */
export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `The file is ${formatSize(bytes)}; the import accepts files up to ${formatLimit(maxBytes)}. Split it into smaller files, or ask the administrator to raise ABATE_IMPORT_MAX_BYTES.`;
}

/** The limit as people read it: "20 MB". */
export function formatLimit(maxBytes: number): string {
  return formatSize(maxBytes, true);
}
