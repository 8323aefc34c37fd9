import { InvalidParameter } from '@balena-ts/core';
import { expect } from 'vitest';
import type { RecordingFetch } from './sandbox.js';

/**
 * The InvalidParameter a synchronous check throws, for tests that then read its parameter and
 * message; fails the test when the check throws anything else or nothing.
 */
export function refusal(work: () => unknown): InvalidParameter {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParameter);
    return error as InvalidParameter;
  }
  throw new Error('expected a refusal');
}

/** The error a call ends in, whether it throws at once or rejects; fails the test when it succeeds. */
export async function failureOf(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/**
 * The error an asynchronous call rejects with; fails the test when it resolves. A synchronous
 * throw comes back as an error of its own, so that a test expecting a typed rejection fails:
 * the SDK's asynchronous functions reject, they never throw.
 */
export async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  let pending: Promise<unknown>;
  try {
    pending = work();
  } catch (error) {
    return new Error(`threw synchronously instead of rejecting: ${String(error)}`);
  }
  return pending.then(
    () => {
      throw new Error('expected the call to reject');
    },
    (error: unknown) => error,
  );
}

/**
 * Expects `work` to end in an InvalidParameter naming `parameter` (and saying `reason`, when
 * given) without sending any request.
 *
 * @param recorder - the test client's recording fetch
 * @param errorOf - how the error is read: {@link rejectionOf} (the default) for asynchronous
 *   functions, {@link failureOf} where synchronous ones (a dashboard URL) are checked too
 */
export async function expectRefusedBeforeRequest(
  recorder: RecordingFetch,
  work: () => Promise<unknown>,
  parameter: string,
  reason?: string,
  errorOf: (work: () => Promise<unknown>) => Promise<unknown> = rejectionOf,
): Promise<void> {
  recorder.reset();
  const error = await errorOf(work);
  expect(error).toBeInstanceOf(InvalidParameter);
  expect((error as InvalidParameter).parameter).toBe(parameter);
  if (reason !== undefined) expect((error as Error).message).toContain(`parameter "${parameter}": ${reason}`);
  expect(recorder.requests).toEqual([]);
}
