// Each redaction rule on its own, with a secret that only that rule can catch: `hunter2` is too
// short and too plain for the API-key and JWT shapes, so when it disappears, the rule under test is
// what removed it. (A sentinel shaped like an API key is hidden by the key pattern whatever its
// field or context, and so cannot tell whether the other rules work.)
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactValue } from '../src/errors/redact.js';

const SECRET = 'hunter2';

describe('redaction, one rule at a time', () => {
  it('the secret itself is left alone when nothing marks it as one', () => {
    expect(redact(`note ${SECRET}`)).toBe(`note ${SECRET}`);
    expect(redactValue({ note: SECRET, count: 3 })).toEqual({ note: SECRET, count: 3 });
  });

  it.each(['password', 'Password', 'token', 'apikey', 'apiKey', 'api_key', 'key', 'secret'])(
    'a field named %s is replaced whatever its value looks like',
    (field) => {
      expect(redactValue({ [field]: SECRET, note: 'kept' })).toEqual({ [field]: REDACTED, note: 'kept' });
      expect(redactValue({ [field]: 12345 })).toEqual({ [field]: REDACTED });
    },
  );

  it('a field whose name ends in token is replaced (refresh_token, accessToken)', () => {
    expect(redactValue({ refresh_token: SECRET, accessToken: SECRET, tokenCount: 2 })).toEqual({
      refresh_token: REDACTED,
      accessToken: REDACTED,
      tokenCount: 2,
    });
  });

  it('secret fields are found in nested objects and arrays', () => {
    expect(redactValue({ a: [{ b: { password: SECRET } }] })).toEqual({ a: [{ b: { password: REDACTED } }] });
  });

  it('a Bearer credential', () => {
    expect(redact(`Authorization: Bearer ${SECRET}, next`)).toBe('Authorization: Bearer [REDACTED], next');
  });

  it('a quoted Bearer credential holding a line break, up to its closing quote', () => {
    expect(redact(`header "Bearer hun\r\nter2" refused`)).toBe('header "Bearer [REDACTED]" refused');
  });

  it('credentials in a URL', () => {
    expect(redact(`fetch failed for http://admin:${SECRET}@127.0.0.1:4000/v7`)).toBe(
      'fetch failed for http://[REDACTED]@127.0.0.1:4000/v7',
    );
  });

  it.each(['apikey', 'api_key', 'token', 'access_token', 'password', 'secret'])('a %s query parameter', (name) => {
    expect(redact(`/v7/device?${name}=${SECRET}&$top=1`)).toBe(`/v7/device?${name}=[REDACTED]&$top=1`);
  });

  it.each(['password', 'token', 'refresh_token', 'apikey', 'api_key', 'key', 'secret'])(
    'a "%s" field inside JSON text, quoted or bare',
    (field) => {
      expect(redact(`{"${field}":"${SECRET}","n":1}`)).toBe(`{"${field}":"${REDACTED}","n":1}`);
      expect(redact(`{"${field}": 12345}`)).toBe(`{"${field}": "${REDACTED}"}`);
    },
  );

  it('leaves the words after a secret-named parameter in a message', () => {
    const message =
      'Invalid parameter: undefined is not a valid value for parameter "password": a password is required';
    expect(redact(message)).toBe(message);
    expect(redact('parameter "token": expected a string')).toBe('parameter "token": expected a string');
  });

  it('a JWT anywhere in the text', () => {
    const jwt = 'eyJhbGci.eyJpZCI6MX0.c2ln';
    expect(redact(`token is ${jwt} here`)).toBe('token is [REDACTED] here');
  });

  it('a string shaped like a balena API key (32 mixed-case alphanumerics), but not a uuid', () => {
    const apiKey = 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF';
    const uuid = '0123456789abcdef0123456789abcdef';
    expect(redact(`key ${apiKey} and device ${uuid}`)).toBe(`key [REDACTED] and device ${uuid}`);
  });
});
