// How a JWT is read, segment by segment: base64url, padding, strict UTF-8, the shape of each part,
// and the MalformedToken each failure gives.
import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, isJwt, isTokenExpired, MalformedToken } from '../src/index.js';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });
const token = (claims: unknown, header = HEADER, signature = 'c2ln'): string =>
  `${header}.${encode(claims)}.${signature}`;

function malformed(run: () => unknown): { message: string; cause: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedToken);
    return { message: (error as Error).message, cause: (error as Error).cause };
  }
  throw new Error('expected MalformedToken');
}

describe('decodeJwtClaims', () => {
  it('reads base64url payloads of every padding length, "-" and "_" included', () => {
    // Payload lengths giving base64 of every length modulo 4 (0, 2 and 3).
    for (const name of ['a', 'ab', 'abc', 'abcd']) {
      expect(decodeJwtClaims(token({ name }))).toEqual({ name });
    }
    // '>>>' and '???' encode to '-' and '_' in base64url ('+' and '/' in base64).
    const claims = { plus: '>>>>', slash: '????' };
    const encoded = token(claims);
    expect(encoded.split('.')[1]).toMatch(/-/);
    expect(encoded.split('.')[1]).toMatch(/_/);
    expect(decodeJwtClaims(encoded)).toEqual(claims);
  });

  it('reads a token with spaces around it', () => {
    expect(decodeJwtClaims(`  ${token({ id: 1 })}\n`)).toEqual({ id: 1 });
    expect(isJwt(` ${token({ id: 1 })} `)).toBe(true);
  });

  it('gives a copy of the claims each time, decoded from the token asked about', () => {
    const first = decodeJwtClaims(token({ id: 1 }));
    first.id = 99;
    expect(decodeJwtClaims(token({ id: 1 }))).toEqual({ id: 1 });
    expect(decodeJwtClaims(token({ id: 2 }))).toEqual({ id: 2 });
    expect(decodeJwtClaims(token({ id: 1 }, encode({ alg: 'none' })))).toEqual({ id: 1 });
  });

  it('refuses what is not a JWT', () => {
    expect(malformed(() => decodeJwtClaims('not a token')).message).toBe('Malformed token: not a JWT');
  });

  it('refuses a payload that is not JSON, with the parse error as its cause', () => {
    const notJson = `${HEADER}.${Buffer.from('{not json').toString('base64url')}.c2ln`;
    const error = malformed(() => decodeJwtClaims(notJson));
    expect(error.message).toBe('Malformed token: the payload is not JSON');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('refuses a payload that is not UTF-8 (no replacement character slips into the claims)', () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const invalid = `${HEADER}.${bytes.toString('base64url')}.c2ln`;
    expect(malformed(() => decodeJwtClaims(invalid)).message).toBe('Malformed token: the payload is not JSON');
  });

  it.each([
    ['a string', 'claims'],
    ['null', null],
    ['an array', [1]],
    ['a number', 5],
  ])('refuses a payload that is %s', (_label, claims) => {
    expect(malformed(() => decodeJwtClaims(token(claims))).message).toBe(
      'Malformed token: the payload is not an object',
    );
  });
});

describe('isJwt', () => {
  const good = token({ id: 1 });
  const [header, payload, signature] = good.split('.') as [string, string, string];

  it('accepts a JWT, an empty signature included', () => {
    expect(isJwt(good)).toBe(true);
    expect(isJwt(`${header}.${payload}.`)).toBe(true);
  });

  it.each([
    ['four segments', `${good}.${signature}`],
    ['two segments', `${header}.${payload}`],
    ['a padded header', `${Buffer.from('{"alg":"HS25"}').toString('base64')}.${payload}.${signature}`],
    ['a header with "=" only', `${header}=.${payload}.${signature}`],
    ['a payload with "="', `${header}.${payload}=.${signature}`],
    ['a signature with "+"', `${header}.${payload}.a+b`],
    ['an empty header', `.${payload}.${signature}`],
    ['an empty payload', `${header}..${signature}`],
    ['a header without alg', token({ id: 1 }, encode({ typ: 'JWT' }))],
    ['a header whose alg is a number', token({ id: 1 }, encode({ alg: 1 }))],
    ['a header that is null', token({ id: 1 }, encode(null))],
    ['a header that is not JSON', token({ id: 1 }, Buffer.from('{alg').toString('base64url'))],
  ])('refuses %s', (_label, text) => {
    expect(isJwt(text)).toBe(false);
  });

  it('answers false, not a TypeError, for what is not a string', () => {
    expect(isJwt(5 as never)).toBe(false);
    expect(isJwt(undefined as never)).toBe(false);
    expect(isTokenExpired(null as never)).toBe(false);
  });
});

describe('isTokenExpired', () => {
  it('compares exp with the time given, in seconds', () => {
    const expiring = token({ exp: 1_000 });
    expect(isTokenExpired(expiring, 999_999)).toBe(false);
    expect(isTokenExpired(expiring, 1_000_000)).toBe(true);
    expect(isTokenExpired(token({ id: 1 }), Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isTokenExpired('not a token', Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('answers false for a JWT whose payload cannot be read', () => {
    const notJson = `${HEADER}.${Buffer.from('{"exp":').toString('base64url')}.c2ln`;
    expect(isJwt(notJson)).toBe(true);
    expect(isTokenExpired(notJson, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
