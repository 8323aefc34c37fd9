import { InvalidParameter } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { secretFromSetupKey } from '../src/two-factor/secret-from-setup-key.js';
import { generateCode } from '../src/two-factor.js';

// RFC 6238 appendix B: the SHA-1 key is the ASCII bytes of '12345678901234567890', whose base32 is below.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('generateCode', () => {
  it.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
  ])('matches the RFC 6238 vector at T=%i', (seconds, code) => {
    expect(generateCode(RFC_SECRET, { timestampMs: seconds * 1000 })).toBe(code);
  });

  it('returns six digits for now', () => {
    expect(generateCode(RFC_SECRET)).toMatch(/^\d{6}$/);
  });

  it('accepts the secret in lower case, in groups, padded, or as an otpauth URL', () => {
    const at = { timestampMs: 59_000 };
    const expected = generateCode(RFC_SECRET, at);
    expect(generateCode(RFC_SECRET.toLowerCase(), at)).toBe(expected);
    expect(generateCode(RFC_SECRET.replace(/(.{4})/g, '$1 ').trim(), at)).toBe(expected);
    expect(generateCode(`${RFC_SECRET}====`, at)).toBe(expected);
    expect(generateCode(`otpauth://totp/balena:admin?secret=${RFC_SECRET}&issuer=balena`, at)).toBe(expected);
  });

  it('accepts a 16-character (80-bit) secret', () => {
    expect(generateCode('JBSWY3DPEHPK3PXP', { timestampMs: 59_000 })).toMatch(/^\d{6}$/);
  });

  it.each([['not base32!'], [''], ['JBSW'], ['A1B2C3D4E5F6G7H8']])('raises InvalidParameter for %j', (secret) => {
    expect(() => generateCode(secret)).toThrow(InvalidParameter);
  });
});

describe('secretFromSetupKey', () => {
  it.each([
    ['otpauth://totp/balena:admin?secret=ABCDEFGH234567AB&issuer=balena', 'ABCDEFGH234567AB'],
    ['otpauth://totp/balena%3Aadmin?issuer=balena&secret=abcdefgh234567ab', 'ABCDEFGH234567AB'],
    ['ABCD EFGH 2345 67AB', 'ABCDEFGH234567AB'],
    ['ABCDEFGH234567AB', 'ABCDEFGH234567AB'],
    ['otpauth://totp/balena:admin?issuer=balena', ''],
    ['', ''],
  ])('%s -> %s', (setupKey, secret) => {
    expect(secretFromSetupKey(setupKey)).toBe(secret);
  });
});
