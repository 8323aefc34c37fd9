import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, isJwt, isTokenExpired, MalformedToken } from '../src/index.js';
import { makeJwt } from './helpers/test-server.js';

describe('JWT helpers', () => {
  const token = makeJwt({ id: 7, iat: 1_700_000_000, exp: 1_700_003_600, twoFactorRequired: true, name: 'Zoë' });

  it('tells a JWT from an API key', () => {
    expect(isJwt(token)).toBe(true);
    expect(isJwt('aBcDeFgHiJkLmNoPqRsTuVwXyZ012345')).toBe(false);
    expect(isJwt('a.b.c')).toBe(false);
    expect(isJwt(`${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.sig`)).toBe(false);
    expect(isJwt('')).toBe(false);
  });

  it('reads the claims, unicode included', () => {
    expect(decodeJwtClaims(token)).toEqual({
      id: 7,
      iat: 1_700_000_000,
      exp: 1_700_003_600,
      twoFactorRequired: true,
      name: 'Zoë',
    });
  });

  it('reads each token as itself when tokens alternate, and hands out claims a caller cannot spoil', () => {
    const other = makeJwt({ id: 8, iat: 1_700_000_000, exp: 1 });
    for (let round = 0; round < 3; round++) {
      expect(decodeJwtClaims(token).id).toBe(7);
      expect(decodeJwtClaims(other).id).toBe(8);
      expect(isTokenExpired(token, 1_700_000_000_000)).toBe(false);
      expect(isTokenExpired(other, 1_700_000_000_000)).toBe(true);
    }
    const claims = decodeJwtClaims(token);
    claims.id = 99;
    expect(decodeJwtClaims(token).id).toBe(7);
    expect(isJwt('a.b.c')).toBe(false);
    expect(isJwt(token)).toBe(true);
  });

  it('throws MalformedToken for anything that is not a decodable JWT', () => {
    expect(() => decodeJwtClaims('api-key')).toThrow(MalformedToken);
    const badPayload = `${token.split('.')[0]}.bm90IGpzb24.sig`;
    expect(() => decodeJwtClaims(badPayload)).toThrow(MalformedToken);
    const arrayPayload = `${token.split('.')[0]}.${Buffer.from('[1]').toString('base64url')}.sig`;
    expect(() => decodeJwtClaims(arrayPayload)).toThrow(MalformedToken);
  });

  it('knows when a JWT has expired; API keys never have', () => {
    expect(isTokenExpired(token, 1_700_003_599_000)).toBe(false);
    expect(isTokenExpired(token, 1_700_003_600_000)).toBe(true);
    expect(isTokenExpired(makeJwt({ id: 1 }), Date.now())).toBe(false);
    expect(isTokenExpired('aBcDeFgHiJkLmNoPqRsTuVwXyZ012345')).toBe(false);
  });
});
