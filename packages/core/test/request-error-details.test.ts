// What RequestError, RedirectRefused and BalenaError.toJSON say about a failure: the server's own
// words, the body cut at 200 characters, the cause given (and only when given).
import { describe, expect, it } from 'vitest';
import { BalenaError, InvalidParameter, NetworkError, RedirectRefused, RequestError } from '../src/index.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';
const base = { status: 500, method: 'GET', url: 'https://api.example.com/x' };

describe('RequestError', () => {
  it.each([
    ['no body', undefined, 'Request failed: GET https://api.example.com/x answered 500', undefined],
    ['an empty body', '', 'Request failed: GET https://api.example.com/x answered 500', undefined],
    ['a blank body', '   ', 'Request failed: GET https://api.example.com/x answered 500: "   "', undefined],
    ['a text body', 'busy', 'Request failed: GET https://api.example.com/x answered 500: busy', 'busy'],
    [
      'a message',
      { message: 'No such device' },
      'Request failed: GET https://api.example.com/x answered 500: No such device',
      'No such device',
    ],
    [
      'an error',
      { error: 'Unauthorized' },
      'Request failed: GET https://api.example.com/x answered 500: Unauthorized',
      'Unauthorized',
    ],
    [
      'an empty message and an error',
      { message: '', error: 'E' },
      'Request failed: GET https://api.example.com/x answered 500: E',
      'E',
    ],
    [
      'an empty message and an empty error',
      { message: '', error: '' },
      'Request failed: GET https://api.example.com/x answered 500: {"message":"","error":""}',
      undefined,
    ],
    ['null', null, 'Request failed: GET https://api.example.com/x answered 500: null', undefined],
    ['a number', 42, 'Request failed: GET https://api.example.com/x answered 500: 42', undefined],
    ['other JSON', { code: 7 }, 'Request failed: GET https://api.example.com/x answered 500: {"code":7}', undefined],
  ])('with %s', (_label, body, message, serverMessage) => {
    const error = new RequestError({ ...base, body });
    expect(error.message).toBe(message);
    expect(error.serverMessage).toBe(serverMessage);
    expect('cause' in error).toBe(false);
  });

  it('cuts a long body at 200 characters, and keeps one of 200 whole', () => {
    const exact = 'x'.repeat(200);
    expect(new RequestError({ ...base, body: exact }).message).toBe(
      `Request failed: GET https://api.example.com/x answered 500: ${exact}`,
    );
    expect(new RequestError({ ...base, body: `${exact}yz` }).message).toBe(
      `Request failed: GET https://api.example.com/x answered 500: ${exact}...`,
    );
    // The full body is kept on the error.
    expect(new RequestError({ ...base, body: `${exact}yz` }).body).toBe(`${exact}yz`);
  });

  it('keeps a cause when one is given, an undefined one included', () => {
    const cause = new Error('parse');
    expect(new RequestError({ ...base, cause }).cause).toBe(cause);
    const undefinedCause = new RequestError({ ...base, cause: undefined });
    expect('cause' in undefinedCause).toBe(true);
  });
});

describe('RedirectRefused', () => {
  it('keeps status and location (redacted), and a cause only when given', () => {
    const error = new RedirectRefused('refused', { status: 302, location: `https://x/?token=${JWT}` });
    expect([error.message, error.status, error.location]).toEqual(['refused', 302, 'https://x/?token=[REDACTED]']);
    expect('cause' in error).toBe(false);
    const cause = new Error('why');
    expect(new RedirectRefused('refused', { cause }).cause).toBe(cause);
    const bare = new RedirectRefused();
    expect([bare.message, bare.status, bare.location]).toEqual(['A redirect was not followed', undefined, undefined]);
  });
});

describe('BalenaError.toJSON', () => {
  it('lists name, code, message and the public fields, redacted, without name and code twice', () => {
    const error = new RequestError({ ...base, status: 401, body: { token: 'secret-value', note: 'n' } });
    expect(error.toJSON()).toEqual({
      name: 'RequestError',
      code: 'RequestError',
      message: 'Request failed: GET https://api.example.com/x answered 401: {"token":"[REDACTED]","note":"n"}',
      status: 401,
      method: 'GET',
      url: 'https://api.example.com/x',
      body: { token: '[REDACTED]', note: 'n' },
      serverMessage: undefined,
    });
    expect(Object.keys(error.toJSON())).not.toContain('cause');
  });

  it('describes the cause: a balena error as its JSON, an error by name and message, anything else redacted', () => {
    const inner = new InvalidParameter('id', 5, 'bad');
    expect(new NetworkError('outer', { cause: inner }).toJSON().cause).toEqual(inner.toJSON());
    const plain = new TypeError(`fetch failed ${JWT}`);
    expect(new NetworkError('outer', { cause: plain }).toJSON().cause).toEqual({
      name: 'TypeError',
      message: 'fetch failed [REDACTED]',
    });
    expect(new NetworkError('outer', { cause: { password: 'x', n: 1 } }).toJSON().cause).toEqual({
      password: '[REDACTED]',
      n: 1,
    });
    expect(new NetworkError('outer', { cause: 0 }).toJSON().cause).toBe(0);
  });

  it('keeps the name and code of a subclass', () => {
    class Custom extends BalenaError {
      static override readonly errorName = 'Custom';
    }
    const error = new Custom('m');
    expect([error.name, error.code, error.toJSON().name, error.toJSON().code]).toEqual([
      'Custom',
      'Custom',
      'Custom',
      'Custom',
    ]);
    expect(error).toBeInstanceOf(BalenaError);
  });
});
