import { AppError } from '@/lib/errors';

/**
 * The one error an API answer or a download may carry to the caller. Its message is written for a person reading
 * the response; nothing else (no stack, no database message) ever leaves the server. One of the app's typed errors
 * (lib/errors), with the query parameter it is about.
 */
export class ApiError extends AppError {
  constructor(
    readonly status: 400 | 404,
    readonly code: 'invalid' | 'not_found',
    message: string,
    /** The query parameter (or path part) that was wrong. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ApiErrorBody {
  error: { code: 'invalid' | 'not_found' | 'internal'; message: string; field?: string };
}

export function invalid(field: string, message: string): ApiError {
  return new ApiError(400, 'invalid', message, field);
}

export function notFound(field: string, message: string): ApiError {
  return new ApiError(404, 'not_found', message, field);
}

export function errorBody(error: ApiError): ApiErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
}

export const INTERNAL_ERROR_BODY: ApiErrorBody = {
  error: { code: 'internal', message: 'Something went wrong on our side. Please try again in a minute.' },
};
