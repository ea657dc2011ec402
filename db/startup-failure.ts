import { StartupError } from './env';

/** One line for the operator: our own start-up errors as written, anything else without its stack. */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return `Start-up failed${code ? ` (${code})` : ''}: ${message}`;
}
