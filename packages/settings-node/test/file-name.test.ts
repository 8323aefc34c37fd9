// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { keyToFileName } from '../src/file-name.js';

describe('keyToFileName', () => {
  it('writes each byte that is not plain as two hex digits, small ones included', () => {
    expect(keyToFileName('a\tb\u0001')).toBe('balena-ts.a%09b%01');
    expect(keyToFileName('é')).toBe('balena-ts.%c3%a9');
  });

  it('hashes a key only when its encoded name is longer than 200 characters', () => {
    expect(keyToFileName('x'.repeat(200))).toBe(`balena-ts.${'x'.repeat(200)}`);
    expect(keyToFileName('x'.repeat(201))).toMatch(/^balena-ts\.#[0-9a-f]{64}$/);
  });
});
