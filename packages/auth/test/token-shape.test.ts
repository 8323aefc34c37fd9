import { MalformedToken } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { readTokenShape } from '../src/internal/token-shape.js';

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('readTokenShape', () => {
  it('reads an API key of 16 to 512 key characters', () => {
    expect(readTokenShape(KEY)).toEqual({ kind: 'api-key' });
    expect(readTokenShape('a'.repeat(16))).toEqual({ kind: 'api-key' });
    expect(readTokenShape('_-'.repeat(256))).toEqual({ kind: 'api-key' });
  });

  it.each([
    ['a key after other text', `key: ${KEY}`],
    ['a key followed by other text', `${KEY}!`],
    ['a key of 513 characters', 'a'.repeat(513)],
    ['15 characters', 'a'.repeat(15)],
  ])('refuses %s as neither a JWT nor an API key', (_, token) => {
    expect(() => readTokenShape(token)).toThrow(new MalformedToken('The token is neither a JWT nor an API key'));
  });

  it.each([
    ['three parts that are not base64url JSON', 'aaa.bbb.ccc'],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0'],
    ['a payload that is not JSON', 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig'],
    ['a payload that is not an object', 'eyJhbGciOiJIUzI1NiJ9.NDI.sig'],
  ])('refuses %s as not a valid JWT, without chaining the decoder error', (_, token) => {
    let error: unknown;
    try {
      readTokenShape(token);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toEqual(new MalformedToken('The token is not a valid JWT'));
    expect((error as Error).cause).toBeUndefined();
  });
});
