import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call } from './support/api.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

// A small deterministic generator, so a failure can be replayed.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  '/v7/',
  'application',
  'device',
  '(',
  ')',
  '$filter=',
  '$expand=',
  '$select=',
  '$orderby=',
  '$top=',
  '$count',
  '/',
  '?',
  '&',
  ' eq ',
  "'",
  '%27',
  '%20',
  '%2C',
  ',',
  'any(d:d/',
  'owns__device',
  'id',
  '1',
  '-1',
  '999999999999999999999',
  ';',
  '$',
  '%',
  '%zz',
  '..',
  '//',
  'uuid=',
  'null',
  'true',
  '(((',
  ')))',
  '\u00e9',
  '/device/register',
  '/login_',
  '/api-key/v2/',
  '/device/v3/state',
  '/download-config',
  '/device-types/v1/',
  '/auth/totp/verify',
  '/user/v1/whoami',
];
const BODIES = [
  '',
  '{',
  '[]',
  'null',
  '"x"',
  '{"app_name":1}',
  '{"organization":{"a":1}}',
  '[1,2,3]',
  '{"code":[]}',
  'garbage',
  '{"a":"\u0000"}',
];

describe('never crashes', () => {
  it('keeps answering valid HTTP statuses to 600 random URLs and bodies', async () => {
    const random = generator(20261126);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const methods = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'];
    const statuses: number[] = [];
    for (let round = 0; round < 600; round++) {
      let path = pick(PIECES.slice(0, 1).concat(PIECES.slice(38)));
      const length = Math.floor(random() * 8);
      for (let index = 0; index < length; index++) path += pick(PIECES);
      const method = pick(methods);
      const token = random() < 0.5 ? sandbox.superuser.token : undefined;
      const raw = method === 'GET' ? undefined : pick(BODIES);
      const answer = await fetch(`${sandbox.url}${path.startsWith('/') ? path : `/${path}`}`.replace(/ /g, '%20'), {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(raw !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: raw,
      }).catch(() => undefined);
      if (answer) {
        await answer.arrayBuffer();
        statuses.push(answer.status);
      }
    }
    expect(statuses.length).toBeGreaterThan(590);
    expect(statuses.every((status) => status >= 200 && status < 600)).toBe(true);
    expect((await call(sandbox, 'GET', '/ping')).text).toBe('OK');
    const whoami = await call(sandbox, 'GET', '/user/v1/whoami', { token: sandbox.superuser.token });
    expect(whoami.body.username).toBe('admin');
  });
});
