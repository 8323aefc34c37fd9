import { InvalidParameter, NotSupported } from '@balena-ts/core';
import { ScureBase32Plugin } from 'otplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secretFromSetupKey } from '../src/two-factor/secret-from-setup-key.js';
import { generateCode } from '../src/two-factor.js';
import { RFC_4226_HOTP_CODES, RFC_6238_SHA1_VECTORS, RFC_SECRET } from './support/rfc-totp-vectors.js';
import { caught, expectNoSecret } from './support/secrets.js';

const base32 = new ScureBase32Plugin();

describe('generateCode', () => {
  it.each(RFC_6238_SHA1_VECTORS)('matches the RFC 6238 SHA-1 vector at T=%i (%s)', async (seconds, code) => {
    await expect(generateCode(RFC_SECRET, { timestampMs: seconds * 1000 })).resolves.toBe(code.slice(-6));
  });

  it('matches the RFC 4226 HOTP codes for counters 0 to 9', async () => {
    const codes = await Promise.all(
      RFC_4226_HOTP_CODES.map((_, counter) => generateCode(RFC_SECRET, { timestampMs: counter * 30_000 })),
    );
    expect(codes).toEqual(RFC_4226_HOTP_CODES);
  });

  it('keeps the code for the whole 30-second step and changes it at the boundary', async () => {
    const at = (timestampMs: number) => generateCode(RFC_SECRET, { timestampMs });
    expect(await at(30_000)).toBe('287082');
    expect(await at(59_999)).toBe('287082');
    expect(await at(60_000)).toBe('359152');
    expect(await at(29_999)).toBe('755224');
  });

  it('returns six digits for now', async () => {
    await expect(generateCode(RFC_SECRET)).resolves.toMatch(/^\d{6}$/);
  });

  it('accepts the secret in lower case, in groups, padded, unpadded, or as an otpauth URL', async () => {
    const at = { timestampMs: 59_000 };
    const padded = 'GEZDGNBVGY3TQOJQGA======'; // 11 bytes, so the padding is real
    const expected = await generateCode(padded.replace(/=+$/, ''), at);
    expect(await generateCode(RFC_SECRET, at)).toBe('287082');
    expect(await generateCode(RFC_SECRET.toLowerCase(), at)).toBe('287082');
    expect(await generateCode(RFC_SECRET.replace(/(.{4})/g, '$1 ').trim(), at)).toBe('287082');
    expect(await generateCode(` ${RFC_SECRET.toLowerCase().replace(/(.{8})/g, '$1\t')}\n`, at)).toBe('287082');
    expect(await generateCode(`${RFC_SECRET}====`, at)).toBe('287082');
    expect(await generateCode(`otpauth://totp/balena:admin?secret=${RFC_SECRET}&issuer=balena`, at)).toBe('287082');
    expect(await generateCode(padded, at)).toBe(expected);
    expect(await generateCode(padded.toLowerCase(), at)).toBe(expected);
  });

  it('accepts a 16-character (80-bit) secret and a 64-byte one', async () => {
    await expect(generateCode('JBSWY3DPEHPK3PXP', { timestampMs: 59_000 })).resolves.toMatch(/^\d{6}$/);
    const longest = base32.encode(new Uint8Array(64).fill(7));
    await expect(generateCode(longest, { timestampMs: 59_000 })).resolves.toMatch(/^\d{6}$/);
  });

  it.each([
    ['not base32', 'not base32!'],
    ['empty', ''],
    ['too short', 'JBSW'],
    ['outside the alphabet', 'A1B2C3D4E5F6G7H8'],
    ['9 bytes', base32.encode(new Uint8Array(9).fill(1))],
    ['65 bytes', base32.encode(new Uint8Array(65).fill(1))],
    ['an impossible length', 'JBSWY3DPEHPK3PXPA'],
    ['set bits after the last byte', 'GEZDGNBVGY3TQOJQGB'],
    ['padding inside', 'GEZDGNBV=Y3TQOJQ'],
    ['an otpauth URL without a secret', 'otpauth://totp/balena:admin?issuer=balena'],
  ])('raises InvalidParameter for a secret that is %s, without repeating it', async (_, secret) => {
    const error = await caught(() => generateCode(secret));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('secret');
    if (secret.length >= 4) expectNoSecret(error, secret);
  });

  it('says what a secret and a moment must be, showing [REDACTED] for the secret', async () => {
    const secret = (await caught(() => generateCode('JBSW'))) as InvalidParameter;
    expect(secret.value).toBe('[REDACTED]');
    expect(secret.message).toMatch(/"secret": expected a base32 TOTP secret of 16 to 103 characters/);
    const moment = (await caught(() => generateCode(RFC_SECRET, { timestampMs: -1 }))) as InvalidParameter;
    expect(moment.value).toBe(-1);
    expect(moment.message).toContain('expected ms since the epoch, not negative');
  });

  it('takes the moment as a number only, up to the largest safe integer', async () => {
    const error = await caught(() => generateCode(RFC_SECRET, { timestampMs: '59000' as unknown as number }));
    expect(error).toBeInstanceOf(InvalidParameter);
    await expect(generateCode(RFC_SECRET, { timestampMs: Number.MAX_SAFE_INTEGER })).resolves.toMatch(/^\d{6}$/);
  });

  it('raises InvalidParameter for a secret that is not a string', async () => {
    const error = await caught(() => generateCode(42 as unknown as string));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('secret');
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])(
    'raises InvalidParameter for timestampMs %d',
    async (timestampMs) => {
      const error = await caught(() => generateCode(RFC_SECRET, { timestampMs }));
      expect(error).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).parameter).toBe('timestampMs');
      expectNoSecret(error, RFC_SECRET);
    },
  );

  describe('without Web Crypto (a browser page outside a secure context)', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('raises NotSupported', async () => {
      vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
      const error = await caught(() => generateCode(RFC_SECRET));
      expect(error).toBeInstanceOf(NotSupported);
      expect((error as Error).message).toContain('crypto.subtle');
      expectNoSecret(error, RFC_SECRET);
    });

    it('raises NotSupported when there is no crypto object at all', async () => {
      vi.stubGlobal('crypto', undefined);
      await expect(generateCode(RFC_SECRET)).rejects.toBeInstanceOf(NotSupported);
    });
  });
});

describe('secretFromSetupKey', () => {
  it.each([
    ['otpauth://totp/balena:admin?secret=ABCDEFGH234567AB&issuer=balena', 'ABCDEFGH234567AB'],
    ['otpauth://totp/balena%3Aadmin?issuer=balena&secret=abcdefgh234567ab', 'ABCDEFGH234567AB'],
    ['ABCD EFGH 2345 67AB', 'ABCDEFGH234567AB'],
    ['ABCDEFGH234567AB', 'ABCDEFGH234567AB'],
    ['otpauth://totp/balena:admin?issuer=balena', ''],
    [' otpauth://totp/balena:admin?issuer=balena', ''],
    ['ABCDEFGH234567AB====', 'ABCDEFGH234567AB'],
    ['GEZDGNBV=Y3TQOJQ', 'GEZDGNBV=Y3TQOJQ'],
    ['otpauth://totp/balena:admin?secret=abc%zz', 'ABC%ZZ'],
    // Only a scheme at the start makes a URL: a colon further in is part of a (malformed) key.
    ['2345 ABCD:EFGH', '2345ABCD:EFGH'],
    ['', ''],
  ])('%s -> %s', (setupKey, secret) => {
    expect(secretFromSetupKey(setupKey)).toBe(secret);
  });
});
