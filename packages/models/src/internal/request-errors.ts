import { RequestError } from '@balena-ts/core';

/**
 * Runs a request and turns one HTTP status of its failure into a model error. Non-OData endpoints
 * answer "no such row" or "locked" with a bare status, so the model has to name the error itself.
 *
 * @typeParam T - the request's result
 * @param request - the request, already started
 * @param status - the HTTP status to translate, e.g. 404 or 423
 * @param toError - builds the model error from the request error (keep it as `cause`)
 * @returns the request's result
 * @throws the error built by `toError` when the request fails with `status`; any other failure unchanged
 * @example
 * ```ts
 * await translateStatus(client.request('/download-config', { method: 'POST', body }), 404, (cause) =>
 *   new ApplicationNotFound(appId, { cause }),
 * );
 * ```
 */
export async function translateStatus<T>(
  request: Promise<T>,
  status: number,
  toError: (cause: RequestError) => Error,
): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof RequestError && error.status === status) throw toError(error);
    throw error;
  }
}
