import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../src/auth/jwt.js';
import { totpCode } from '../src/auth/totp.js';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call } from './support/api.js';

const LIMIT = 10;

describe('credentials under attack', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('a user API key cannot mint a JWT through /user/v1/refresh-token', async () => {
    const user = await sandbox.createUser();
    const key = (await call(sandbox, 'POST', '/api-key/user/full', { token: user.token, body: { name: 'k' } })).body;
    expect((await call(sandbox, 'GET', '/user/v1/refresh-token', { token: key })).status).toBe(401);
    expect((await call(sandbox, 'POST', '/user/v1/refresh-token', { token: key })).status).toBe(401);
    expect((await call(sandbox, 'GET', '/user/v1/refresh-token', { token: user.token })).status).toBe(200);
  });

  it('registering a username equal to someone’s e-mail address does not take over that login', async () => {
    const victim = await sandbox.createUser({ username: 'victim', email: 'victim@example.com', password: 'victim-pw' });
    const takeover = await call(sandbox, 'POST', '/user/register', {
      body: { username: victim.email, email: 'mallory@example.com', password: 'mallory-pw' },
    });
    expect(takeover.status).toBe(400);
    const asVictim = await call(sandbox, 'POST', '/login_', {
      body: { username: victim.email, password: 'victim-pw' },
    });
    expect(asVictim.status).toBe(200);
    const whoami = await call(sandbox, 'GET', '/user/v1/whoami', { token: asVictim.text });
    expect(whoami.body.username).toBe('victim');
  });

  it('a token without the jwt_secret claim is not accepted', async () => {
    // The signing secret lives in the data file's meta table: sign a token that lacks the claim.
    const directory = mkdtempSync(join(tmpdir(), 'sandbox-jwt-'));
    const dataFile = join(directory, 'jwt.db');
    const withData = await startSandbox({ dataFile });
    try {
      const database = new Database(dataFile, { readonly: true });
      const { value: secret } = database.prepare("SELECT value FROM meta WHERE key = 'jwt_secret'").get() as {
        value: string;
      };
      database.close();
      const payload = JSON.parse(Buffer.from(withData.superuser.token.split('.')[1]!, 'base64url').toString());
      expect((await call(withData, 'GET', '/user/v1/whoami', { token: signJwt(payload, secret) })).status).toBe(200);
      delete payload.jwt_secret;
      expect((await call(withData, 'GET', '/user/v1/whoami', { token: signJwt(payload, secret) })).status).toBe(401);
    } finally {
      await withData.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it(`answers the ${LIMIT + 1}th wrong login in a row 429 with Retry-After, even with the right password`, async () => {
    const user = await sandbox.createUser({ password: 'right' });
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      const answer = await call(sandbox, 'POST', '/login_', { body: { username: user.username, password: 'wrong' } });
      expect(answer.status).toBe(401);
    }
    const blocked = await call(sandbox, 'POST', '/login_', { body: { username: user.username, password: 'right' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.text).toBe('Too Many Requests');
    // Other users are not affected.
    const other = await call(sandbox, 'POST', '/login_', {
      body: { username: sandbox.superuser.username, password: sandbox.superuser.password },
    });
    expect(other.status).toBe(200);
  });

  it('a successful login starts the count afresh', async () => {
    const user = await sandbox.createUser({ password: 'right' });
    for (let round = 0; round < 3; round++) {
      for (let attempt = 0; attempt < LIMIT - 1; attempt++) {
        await call(sandbox, 'POST', '/login_', { body: { username: user.username, password: 'wrong' } });
      }
      const ok = await call(sandbox, 'POST', '/login_', { body: { username: user.username, password: 'right' } });
      expect(ok.status).toBe(200);
    }
  });

  it(`throttles TOTP verification the same way`, async () => {
    const user = await sandbox.createUser({ twoFactor: true });
    const login = await call(sandbox, 'POST', '/login_', {
      body: { username: user.username, password: user.password },
    });
    const partial = login.text;
    const wrong = totpCode(user.totpSecret!, Date.now()) === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      const answer = await call(sandbox, 'POST', '/auth/totp/verify', { token: partial, body: { code: wrong } });
      expect(answer.status).toBe(401);
    }
    const blocked = await call(sandbox, 'POST', '/auth/totp/verify', {
      token: partial,
      body: { code: totpCode(user.totpSecret!, Date.now()) },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('requests from web pages', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  /** A raw request with headers fetch would not let us set (Host). */
  function rawRequest(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<{ status: number; text: string }> {
    const { port } = new URL(sandbox.url);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
        (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  const credentials = () =>
    new URLSearchParams({ username: sandbox.superuser.username, password: sandbox.superuser.password }).toString();

  it('refuses a form posted to /login_ from another origin (no token to read back)', async () => {
    const answer = await fetch(`${sandbox.url}/login_`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: credentials(),
    });
    expect(answer.status).toBe(403);
    expect(await answer.text()).not.toMatch(/^ey/);
  });

  it('still serves a same-origin form login and cross-origin JSON (a preflighted browser client)', async () => {
    const form = await fetch(`${sandbox.url}/login_`, {
      method: 'POST',
      headers: { Origin: sandbox.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: credentials(),
    });
    expect(form.status).toBe(200);
    const json = await fetch(`${sandbox.url}/login_`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:63315', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: sandbox.superuser.username, password: sandbox.superuser.password }),
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const rebound = await rawRequest('/login_', {
      method: 'POST',
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: sandbox.superuser.username, password: sandbox.superuser.password }),
    });
    expect(rebound.status).toBe(403);
    expect((await rawRequest('/ping', { headers: { Host: 'localhost:1' } })).status).toBe(200);
  });
});
