import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

const PING_LIMIT_MS = 2000;

/** Sends a hostile request while checking that `/ping` still answers in time, during and after it. */
async function survives<T>(sandbox: Sandbox, attack: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const during = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await fetch(`${sandbox.url}/ping`, { signal: AbortSignal.timeout(PING_LIMIT_MS) });
    return { status: response.status, ms: Date.now() - started };
  })();
  const result = await attack();
  expect((await during).status).toBe(200);
  const after = await fetch(`${sandbox.url}/ping`, { signal: AbortSignal.timeout(PING_LIMIT_MS) });
  expect(after.status).toBe(200);
  return result;
}

/** `device?$expand=belongs_to__application($expand=owns__device(...))`, `levels` navigations deep. */
function bouncingExpand(levels: number): string {
  let expand = '';
  for (let level = levels; level > 0; level--) {
    const name = level % 2 === 1 ? 'belongs_to__application' : 'owns__device';
    expand = expand ? `${name}($select=id;$expand=${expand})` : `${name}($select=id)`;
  }
  return `device?$select=id&$expand=${expand}`;
}

const directory = mkdtempSync(join(tmpdir(), 'sandbox-security-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A release body whose composition is `depth` arrays nested in one another, as JSON text. */
function releaseWithNestedComposition(fleet: number, commit: string, depth: number): string {
  const composition = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return `{"belongs_to__application":${fleet},"commit":"${commit}","status":"success","composition":${composition}}`;
}

describe('hostile requests', () => {
  let sandbox: Sandbox;
  let token: string;
  let fleetId: number;
  beforeAll(async () => {
    sandbox = await startSandbox({ dataFile: join(directory, 'hostile.db') });
    token = sandbox.superuser.token;
    const fleet = await sandbox.seedApplication({ name: 'bomb' });
    fleetId = fleet.id;
    await sandbox.seedDevices({ application: fleet.id, count: 200 });
  });
  afterAll(() => sandbox.close());

  describe('expansion bomb', () => {
    it('refuses an $expand nested 21 levels with a 400 and a message', async () => {
      const answer = await survives(sandbox, () => odata(sandbox, bouncingExpand(21), token));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/\$expand may nest at most/);
    });

    it('refuses a shallow expansion whose answer would explode (200 devices, 5 levels: 200^3 rows)', async () => {
      const answer = await survives(sandbox, () => odata(sandbox, bouncingExpand(5), token));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/Query too large/);
    });

    it('still answers a reasonable nested expansion', async () => {
      const answer = await odata(sandbox, `${bouncingExpand(3)}&$top=2`, token);
      expect(answer.status).toBe(200);
      expect(answer.body.d[0].belongs_to__application[0].owns__device).toHaveLength(200);
    });
  });

  describe('bodies', () => {
    it('refuses a release whose composition nests 20,000 arrays (400), and keeps serving releases', async () => {
      const raw = releaseWithNestedComposition(fleetId, 'deep', 20_000);
      const answer = await survives(sandbox, () => call(sandbox, 'POST', '/v7/release', { token, raw }));
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('<pre>Bad Request</pre>');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await odata(sandbox, 'release?$select=id', token)).status).toBe(200);
    });

    it('still takes a composition nested a dozen levels', async () => {
      const raw = releaseWithNestedComposition(fleetId, 'shallow', 12);
      expect((await call(sandbox, 'POST', '/v7/release', { token, raw })).status).toBe(201);
    });

    it('answers JSON that does not parse with the plain "Bad Request" page, no stack or file path', async () => {
      const answer = await call(sandbox, 'POST', '/v7/application', { token, raw: '{"app_name": "x",' });
      expect(answer.status).toBe(400);
      expect(answer.contentType).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('<pre>Bad Request</pre>');
      expect(answer.text).not.toMatch(/SyntaxError|at JSON\.parse|\/src\/|node_modules/);
    });

    it('accepts a 100 KB query string', async () => {
      const ids = Array.from({ length: 15_000 }, (_, index) => index + 1_000_000).join(',');
      const answer = await odata(sandbox, `device/$count?$filter=id in (${ids})`, token);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ d: 0 });
    });
  });

  describe('odd bodies answered as balena answers them', () => {
    it('a PATCH naming __proto__ is an unknown field (500, empty, as balena) and changes nothing', async () => {
      const tag = await call(sandbox, 'POST', '/v7/application_tag', {
        token,
        body: { application: fleetId, tag_key: 'proto', value: 'before' },
      });
      const answer = await call(sandbox, 'PATCH', `/v7/application_tag(${tag.body.id})`, {
        token,
        raw: '{"__proto__": {"value": "polluted", "isAdmin": true}, "value": "after"}',
      });
      expect(answer.status).toBe(500);
      expect(answer.text).toBe('');
      const read = await odata(sandbox, `application_tag(${tag.body.id})?$select=value`, token);
      expect(read.body).toEqual({ d: [{ value: 'before' }] });
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('a form-encoded POST without a required field answers as a JSON one does (500, empty)', async () => {
      const form = await call(sandbox, 'POST', '/v7/application_tag', {
        token,
        raw: new URLSearchParams({ application: String(fleetId), value: 'x' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
      const json = await call(sandbox, 'POST', '/v7/application_tag', {
        token,
        body: { application: fleetId, value: 'x' },
      });
      expect(json.status).toBe(500);
      expect(form.status).toBe(json.status);
      expect(form.text).toBe('');
    });
  });
});
