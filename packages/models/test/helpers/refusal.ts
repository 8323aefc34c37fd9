import { InvalidParameter } from '@balena-ts/core';
import { expect } from 'vitest';

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
