import { StartupError } from './env';

/** One line for the operator: our own start-up errors as written, anything else without its stack. */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  // PostgreSQL's disk_full (PGlite included): the disk filled up while the database was being prepared.
  if (code === '53100') return 'Start-up failed: the disk is full (the database could not write its files).';
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return `Start-up failed${code ? ` (${code})` : ''}: ${message}`;
}
