import { asDatabaseUnavailable, DATABASE_UNAVAILABLE_MESSAGE, describeCause } from './index';

/** Seconds a client should wait before asking again; PostgreSQL restarts in about that. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * The answer of a route handler (public API, downloads, health) while the database is unavailable: 503, a
 * Retry-After, one sentence in the API's usual error envelope, never a stack or a driver's message.
 */
export function databaseUnavailableResponse(extraHeaders: Record<string, string> = {}): Response {
  const body = { error: { code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders,
    },
  });
}

/** The 503 answer when `error` means the database is unavailable (logged in one line), otherwise null. */
export function unavailableResponseFor(error: unknown, extraHeaders: Record<string, string> = {}): Response | null {
  if (!asDatabaseUnavailable(error)) return null;
  console.error(`[abate] database unavailable: ${describeCause(error)}`);
  return databaseUnavailableResponse(extraHeaders);
}
