// redactValue's and redactCause's limits and copies: how deep they go, what they keep, and that an
// error without a secret is passed on as it is.
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactCause, redactValue } from '../src/errors/redact.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let index = 0; index < depth; index += 1) value = { inner: value };
  return value;
}

describe('redactValue', () => {
  it('copies nine levels of objects and arrays, and stops below with [REDACTED]', () => {
    expect(redactValue(nested(9, 'kept'))).toEqual(nested(9, 'kept'));
    expect(redactValue(nested(10, 'lost'))).toEqual(nested(9, REDACTED));
    expect(redactValue(nested(8, ['a', [`b ${JWT}`]]))).toEqual(nested(8, ['a', REDACTED]));
  });

  it('ends on a cycle', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const copy = redactValue(cycle) as Record<string, unknown>;
    expect(copy.name).toBe('loop');
    expect(JSON.stringify(copy)).toContain(REDACTED);
  });

  it('keeps other values as they are', () => {
    expect(redactValue(5)).toBe(5);
    expect(redactValue(null)).toBe(null);
    expect(redactValue(undefined)).toBe(undefined);
  });
});

describe('redactCause', () => {
  it('redacts a cause that is a string', () => {
    expect(redactCause(`sent ${JWT}`)).toBe(`sent ${REDACTED}`);
  });

  it('keeps an error without a secret, the same object', () => {
    const inner = new Error('inner');
    const clean = new Error('clean', { cause: inner });
    expect(redactCause(clean)).toBe(clean);
    const noStack = new Error('no stack');
    noStack.stack = undefined;
    expect(redactCause(noStack)).toBe(noStack);
    expect(redactCause(inner)).toBe(inner);
  });

  it('copies an error whose message, stack or cause holds a secret, name and code kept', () => {
    const withMessage = Object.assign(new TypeError(`bad ${JWT}`), { code: 'ERR_X' });
    const copy = redactCause(withMessage) as Error & { code?: unknown };
    expect(copy).not.toBe(withMessage);
    expect(copy.message).toBe(`bad ${REDACTED}`);
    expect(copy.name).toBe('TypeError');
    expect(copy.code).toBe('ERR_X');
    expect(Object.keys(copy)).toContain('code');
    expect(copy.stack).not.toContain(JWT);
    expect(copy.cause).toBeUndefined();
    expect('cause' in copy).toBe(false);

    const withStack = new Error('plain');
    withStack.stack = `Error: plain\n    at ${JWT}`;
    const stackCopy = redactCause(withStack) as Error;
    expect(stackCopy).not.toBe(withStack);
    expect(stackCopy.message).toBe('plain');
    expect(stackCopy.stack).toBe(`Error: plain\n    at ${REDACTED}`);
    expect('code' in stackCopy).toBe(false);

    const withInner = new Error('outer', { cause: new Error(`inner ${JWT}`) });
    const innerCopy = redactCause(withInner) as Error;
    expect(innerCopy).not.toBe(withInner);
    expect(innerCopy.message).toBe('outer');
    expect((innerCopy.cause as Error).message).toBe(`inner ${REDACTED}`);
    expect(innerCopy.stack).toBe(withInner.stack);
  });

  it('follows nine causes deep and keeps the rest as it is', () => {
    let chain: Error = new Error(`deepest ${JWT}`);
    for (let index = 0; index < 9; index += 1) chain = new Error(`level ${index}`, { cause: chain });
    // The secret is ten causes down: past the limit, the chain is kept as it is.
    expect(redactCause(chain)).toBe(chain);
    let shorter: Error = new Error(`deepest ${JWT}`);
    for (let index = 0; index < 8; index += 1) shorter = new Error(`level ${index}`, { cause: shorter });
    let copy = redactCause(shorter) as Error;
    expect(copy).not.toBe(shorter);
    for (let index = 0; index < 8; index += 1) copy = copy.cause as Error;
    expect(copy.message).toBe(`deepest ${REDACTED}`);
  });

  it('passes on what is neither a string nor an error', () => {
    const value = { token: 'x' };
    expect(redactCause(value)).toBe(value);
    expect(redactCause(undefined)).toBe(undefined);
  });

  it('turns a value that cannot be printed into a placeholder', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
      [Symbol.toStringTag]: 'Hostile',
    };
    expect(redact(hostile)).toBe('[object Hostile]');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(redact(revoked.proxy)).toBe('[unprintable value]');
  });
});
