/** Tests' catch of an API refusal: the ApiError a promise rejects with; any other outcome fails the test. */
import { ApiError } from '../errors';

export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
