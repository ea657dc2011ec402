/**
 * Typed errors for the services layer. Each carries a message written for the person using Abate; the edge
 * (server actions, route handlers) shows that message and nothing else — never a stack or a database message.
 */
export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid';

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
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  console.error('[abate] unexpected error', error);
  return { ok: false, code: 'internal', message: 'Something went wrong on our side; nothing was saved. Please try again.' };
}
