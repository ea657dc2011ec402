/**
 * The one place that decides whether a thrown value means "the database is unavailable" (PostgreSQL stopped,
 * restarting or unreachable; the embedded database closed). lib/errors/index.ts turns such a value into
 * DatabaseUnavailable. No imports, so that index.ts can use it without a cycle.
 */

// Socket-level failures: the server refused, dropped or never answered the connection.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

// SQLSTATEs of a server going away or not taking connections; class 08 is every connection exception.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres and PGlite say these without a code.
const MESSAGES = [
  'connection terminated',
  'timeout exceeded when trying to connect',
  'client has encountered a connection error and is not queryable',
  'cannot use a pool after calling end on the pool',
  'pglite is closed',
];

function isConnectionFailureItself(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === 'unavailable') return true; // our own DatabaseUnavailable
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return true;
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return false;
  const lower = message.toLowerCase();
  return MESSAGES.some((text) => lower.includes(text));
}

/**
 * The one place that decides whether a thrown value means "the database is unavailable". Drivers' errors arrive
 * wrapped (Drizzle's DrizzleQueryError keeps the driver's error as `cause`; a refused connection to a host name may
 * be an AggregateError), so the causes are followed a few levels down.
 */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (isConnectionFailureItself(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && isConnectionFailure(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isConnectionFailure(inner, depth + 1));
}

