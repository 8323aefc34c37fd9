import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import {
  AmbiguousApplication,
  ApplicationNotFound,
  BalenaError,
  DeviceNotFound,
  InvalidParameter,
  isBalenaError,
  LookupError,
  NotLoggedIn,
  RequestError,
  redact,
} from '../src/index.js';
import { makeJwt } from './helpers/test-server.js';

const ERROR_CLASS_NAMES = [
  'ApplicationNotFound',
  'AmbiguousApplication',
  'DeviceNotFound',
  'AmbiguousDevice',
  'ReleaseNotFound',
  'AmbiguousRelease',
  'ImageNotFound',
  'KeyNotFound',
  'ServiceNotFound',
  'OrganizationNotFound',
  'ApplicationMembershipNotFound',
  'ApplicationMembershipRoleNotFound',
  'TeamNotFound',
  'TeamMembershipNotFound',
  'TeamApplicationAccessNotFound',
  'TeamNameTaken',
  'ReleaseAssetNotFound',
  'ReleaseAssetAlreadyExists',
  'OrganizationMembershipNotFound',
  'OrganizationMembershipRoleNotFound',
  'InvalidDeviceType',
  'InvalidApplicationType',
  'IncompatibleApplication',
  'DeviceOffline',
  'DeviceNotWebAccessible',
  'LoginFailed',
  'NotLoggedIn',
  'MalformedToken',
  'ExpiredToken',
  'InvalidOption',
  'MissingOption',
  'InvalidParameter',
  'SupervisorLocked',
  'RequestError',
  'NetworkError',
  'TimeoutError',
  'RedirectRefused',
  'RequestHookError',
  'NotSupported',
] as const;

type AnyErrorClass = new (...args: never[]) => BalenaError;
const exported: Record<string, unknown> = core;

function instantiate(name: (typeof ERROR_CLASS_NAMES)[number], module: Record<string, unknown>): BalenaError {
  const ErrorClass = module[name] as AnyErrorClass & (new (...args: unknown[]) => BalenaError);
  if (name === 'RequestError') return new ErrorClass({ status: 500, method: 'GET', url: 'http://x/y' });
  if (name === 'InvalidParameter') return new ErrorClass('name', 'value');
  if (name.endsWith('NotFound') || name.startsWith('Ambiguous')) return new ErrorClass(42);
  return new ErrorClass();
}

describe('error classes', () => {
  it.each(ERROR_CLASS_NAMES)('%s has name and code equal to its class name and is a BalenaError', (name) => {
    const error = instantiate(name, exported);
    expect(error.name).toBe(name);
    expect(error.code).toBe(name);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(BalenaError);
    expect(error).toBeInstanceOf(exported[name] as AnyErrorClass);
    expect(isBalenaError(error)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    expect((error.toJSON() as { code: string }).code).toBe(name);
  });

  it('names the looked-up value in lookup errors and keeps the cause', () => {
    const cause = new Error('no row');
    const error = new DeviceNotFound(123, { cause });
    expect(error.message).toBe('Device not found: 123');
    expect(error.value).toBe(123);
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).not.toBeInstanceOf(ApplicationNotFound);
    expect(new AmbiguousApplication('my-app').message).toBe('Application is ambiguous: my-app');
  });

  it('formats InvalidParameter like balena-errors', () => {
    const error = new InvalidParameter('uuidOrId', 'abc', 'a uuid has 32 or 62 characters');
    expect(error.message).toBe(
      'Invalid parameter: abc is not a valid value for parameter "uuidOrId": a uuid has 32 or 62 characters',
    );
    expect(error.parameter).toBe('uuidOrId');
    expect(error.value).toBe('abc');
    expect(new InvalidParameter('id', 5).message).toBe('Invalid parameter: 5 is not a valid value for parameter "id"');
  });

  it('does not match unrelated objects or plain errors', () => {
    expect(new Error('x')).not.toBeInstanceOf(BalenaError);
    expect({ name: 'DeviceNotFound', code: 'DeviceNotFound' }).not.toBeInstanceOf(DeviceNotFound);
    expect(isBalenaError(null)).toBe(false);
    expect(isBalenaError('DeviceNotFound')).toBe(false);
  });
});

describe('brands across two copies of core', () => {
  it('matches instanceof between two separately loaded copies of the built package', async () => {
    // Two real copies of dist (inside the package, so that they resolve ofetch like an install would).
    const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
    const copies = path.join(packageDirectory, 'temp', `brand-copies-${process.pid}`);
    for (const name of ['one', 'two']) {
      await cp(path.join(packageDirectory, 'dist'), path.join(copies, name), { recursive: true });
    }
    try {
      const first = (await import(pathToFileURL(path.join(copies, 'one', 'index.js')).href)) as typeof core;
      const second = (await import(pathToFileURL(path.join(copies, 'two', 'index.js')).href)) as typeof core;
      expect(first.DeviceNotFound).not.toBe(second.DeviceNotFound);
      const error = new first.DeviceNotFound('abc');
      expect(error).toBeInstanceOf(second.DeviceNotFound);
      expect(error).toBeInstanceOf(second.BalenaError);
      expect(error).toBeInstanceOf(second.LookupError);
      expect(error).toBeInstanceOf(DeviceNotFound);
      expect(second.isBalenaError(error)).toBe(true);
      expect(error).not.toBeInstanceOf(second.ApplicationNotFound);
      expect(new second.RequestError({ status: 1, method: 'GET', url: 'u' })).toBeInstanceOf(first.RequestError);
    } finally {
      await rm(copies, { recursive: true, force: true });
    }
  });
});

describe('redaction', () => {
  const SENTINEL = 'Sentinel0Secret1Value2Xyz345678A'; // 32 characters, like a balena API key
  const JWT = makeJwt({ id: 1, secret: SENTINEL });

  it('removes Bearer tokens, JWTs, secret query parameters, JSON secret fields and API keys from text', () => {
    expect(redact(`Authorization: Bearer ${SENTINEL}`)).toBe('Authorization: Bearer [REDACTED]');
    expect(redact(`token ${JWT} end`)).toBe('token [REDACTED] end');
    expect(redact(`/x?apikey=${SENTINEL}&a=1`)).toBe('/x?apikey=[REDACTED]&a=1');
    expect(redact(`/x?api_key=${SENTINEL}`)).toBe('/x?api_key=[REDACTED]');
    expect(redact(`/x?token=${SENTINEL}#f`)).toBe('/x?token=[REDACTED]#f');
    expect(redact('/x?password=hunter2&b=2')).toBe('/x?password=[REDACTED]&b=2');
    expect(redact('{"username":"me","password":"hunter2"}')).toBe('{"username":"me","password":"[REDACTED]"}');
    expect(redact('{"apiKey": "abc", "key":"def", "token":"ghi"}')).toBe(
      '{"apiKey": "[REDACTED]", "key":"[REDACTED]", "token":"[REDACTED]"}',
    );
    expect(redact(`key ${SENTINEL} leaked`)).toBe('key [REDACTED] leaked');
  });

  it('keeps uuids, ids and ordinary text', () => {
    const uuid = 'a'.repeat(16) + '0123456789abcdef';
    expect(redact(`Device not found: ${uuid}`)).toBe(`Device not found: ${uuid}`);
    expect(redact('GET /v7/device(123)?$select=id answered 500')).toBe('GET /v7/device(123)?$select=id answered 500');
  });

  it('never lets the sentinel secret reach a message, a property or toJSON()', () => {
    const error = new RequestError({
      status: 401,
      method: 'POST',
      url: `https://api.example.com/login_?apikey=${SENTINEL}`,
      body: { password: SENTINEL, nested: { token: SENTINEL, note: `Bearer ${SENTINEL}` }, list: [JWT] },
      cause: new Error(`fetch failed for token=${SENTINEL}`),
    });
    const notLoggedIn = new NotLoggedIn(`rejected ${JWT}`, { cause: error });
    for (const candidate of [error, notLoggedIn]) {
      const serialised = JSON.stringify(candidate);
      expect(serialised).not.toContain(SENTINEL);
      expect(serialised).not.toContain(JWT);
      expect(candidate.message).not.toContain(SENTINEL);
      expect(candidate.stack ?? '').not.toContain(SENTINEL);
      for (const value of Object.values(candidate)) expect(JSON.stringify(value) ?? '').not.toContain(SENTINEL);
    }
    expect(error.url).toBe('https://api.example.com/login_?apikey=[REDACTED]');
    expect(error.body).toEqual({
      password: '[REDACTED]',
      nested: { token: '[REDACTED]', note: 'Bearer [REDACTED]' },
      list: ['[REDACTED]'],
    });
    expect(JSON.parse(JSON.stringify(notLoggedIn))).toMatchObject({
      name: 'NotLoggedIn',
      code: 'NotLoggedIn',
      message: 'rejected [REDACTED]',
      cause: { name: 'RequestError', status: 401 },
    });
  });
});
