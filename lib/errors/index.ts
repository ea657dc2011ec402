/**
 * Typed errors for the services layer. Each carries a message written for the person using Abate; the edge
 * (server actions, route handlers) shows that message and nothing else — never a stack or a database message.
 */
import { isConnectionFailure } from './connection-failure';

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'unavailable';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly status: number;
}

export class Unauthenticated extends AppError {
  readonly code = 'unauthenticated' as const;
  readonly status = 401;
  constructor(message = 'Please sign in.') {
    super(message);
  }
}

export class Forbidden extends AppError {
  readonly code = 'forbidden' as const;
  readonly status = 403;
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export class NotFound extends AppError {
  readonly code = 'not_found' as const;
  readonly status = 404;
  constructor(what = 'That record') {
    super(`${what} was not found.`);
  }
}

/** Someone else changed the record first; `current` holds their values so nobody's work is lost. */
export class Conflict extends AppError {
  readonly code = 'conflict' as const;
  readonly status = 409;
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** Bad input: `fieldErrors` maps each field to what is wrong with it. */
export class Invalid extends AppError {
  readonly code = 'invalid' as const;
  readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Carried to error.tsx: Next keeps an error's own `digest` in production, where it hides the message. */
export const DATABASE_UNAVAILABLE_DIGEST = 'ABATE_DATABASE_UNAVAILABLE';
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable. Try again in a minute.';

/**
 * The database cannot be reached (PostgreSQL stopped, restarting or unreachable; the embedded database closed).
 * Neither the user's fault nor a bug: the edge answers 503 / "try again shortly" and says nothing was saved.
 */
export class DatabaseUnavailable extends AppError {
  readonly code = 'unavailable' as const;
  readonly status = 503;
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
  }
}

/** `error` as a DatabaseUnavailable when it is one or wraps a connection failure (see connection-failure.ts). */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailable | null {
  if (error instanceof DatabaseUnavailable) return error;
  return isConnectionFailure(error) ? new DatabaseUnavailable(error) : null;
}

export const NOTHING_SAVED_UNAVAILABLE = 'The database is unavailable, so nothing was saved. Please try again in a minute.';

export type ActionFailure = {
  ok: false;
  code: ErrorCode | 'internal';
  message: string;
  fieldErrors?: Record<string, string[]>;
  current?: unknown;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

/** Turns any thrown value into what a form may show. Unknown errors are logged and reported without detail. */
export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof Invalid) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof Conflict) return { ok: false, code: error.code, message: error.message, current: error.current };
  // Before AppError: a form says what happened to the user's input, not only that the database is down.
  if (asDatabaseUnavailable(error)) {
    console.error(`[abate] database unavailable: ${describeCause(error)}`);
    return { ok: false, code: 'unavailable', message: NOTHING_SAVED_UNAVAILABLE };
  }
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  console.error('[abate] unexpected error', error);
  return { ok: false, code: 'internal', message: 'Something went wrong on our side; nothing was saved. Please try again.' };
}

/** One line for the server log: the driver's code and message, without the stack. */
export function describeCause(error: unknown): string {
  let current: unknown = error instanceof DatabaseUnavailable ? error.cause : error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth += 1) current = current.cause;
  const code = (current as { code?: unknown } | null)?.code;
  const message = current instanceof Error ? (current.message.split('\n')[0] ?? '') : String(current);
  return typeof code === 'string' ? `${code} ${message}` : message;
}
