import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../src/two-factor/base32.js';

const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

describe('decodeBase32', () => {
  // RFC 4648 section 10.
  it.each([
    ['', ''],
    ['MY======', 'f'],
    ['MZXQ====', 'fo'],
    ['MZXW6===', 'foo'],
    ['MZXW6YQ=', 'foob'],
    ['MZXW6YTB', 'fooba'],
    ['MZXW6YTBOI======', 'foobar'],
  ])('decodes the RFC 4648 vector %j, padded, unpadded and in lower case', (encoded, decoded) => {
    expect(text(decodeBase32(encoded))).toBe(decoded);
    expect(text(decodeBase32(encoded.replace(/=+$/, '')))).toBe(decoded);
    expect(text(decodeBase32(encoded.toLowerCase()))).toBe(decoded);
  });

  it('ignores white space anywhere', () => {
    expect(text(decodeBase32(' MZXW 6YTB\tOI\n'))).toBe('foobar');
  });

  it("decodes the alphabet's edges (A is 0, 7 is 31)", () => {
    expect(decodeBase32('AAAAAAAA')).toEqual(new Uint8Array(5));
    expect(decodeBase32('77777777')).toEqual(new Uint8Array(5).fill(0xff));
    expect(decodeBase32('74')).toEqual(new Uint8Array([0xff]));
  });

  it.each([
    ['a character outside the alphabet', 'MZXW6YT1'],
    ['padding in the middle', 'MZ=W6YTB'],
    ['padding in the middle of a valid text', 'MZXW6=YQ'],
    ['a length that no bytes encode to (1 past a block)', 'MZXW6YTBO'],
    ['a length that no bytes encode to (3 past a block)', 'MZX'],
    ['a length that no bytes encode to (6 past a block)', 'MZXW6Y'],
    ['set bits after the last byte', 'MZXR'],
    ['set bits after the only byte', 'M7'],
  ])('refuses %s', (_, encoded) => {
    expect(decodeBase32(encoded)).toBeUndefined();
  });
});
