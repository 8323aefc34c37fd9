import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let other: SandboxUser;
let privateFleet: number;

const SUPERVISOR_QUERY =
  "release?$select=raw_version&$orderby=semver_major desc,semver_minor desc,semver_patch desc&$filter=is_invalidated eq false and belongs_to__application/any(a:startswith(a/slug,'balena_os/') and endswith(a/slug,'-supervisor') and a/is_for__device_type/any(dt:dt/is_of__cpu_architecture/any(c:c/slug eq 'aarch64')))";

beforeAll(async () => {
  sandbox = await startSandbox();
  other = await sandbox.createUser();
  privateFleet = (await createFleet(sandbox, sandbox.superuser.token, sandbox.superuser.organizationId, 'mine')).id;
  await sandbox.seedRelease({ application: privateFleet, semver: '1.0.0' });
});
afterAll(() => sandbox.close());

describe('the balenaOS catalogue', () => {
  it('tags ESR host applications with their lines and release policy', async () => {
    const answer = await odata(
      sandbox,
      "application?$select=slug&$expand=application_tag($select=tag_key,value;$orderby=tag_key asc)&$filter=is_host eq true and slug eq 'balena_os/raspberrypi4-64-esr'",
    );
    expect(answer.body.d[0].application_tag).toEqual([
      { tag_key: 'esr-current', value: '2024.7' },
      { tag_key: 'esr-next', value: '2025.1' },
      { tag_key: 'esr-sunset', value: '2024.1' },
      { tag_key: 'release-policy', value: 'esr' },
    ]);
  });

  it('serves supervisor releases of balena_os/<arch>-supervisor to guests and users alike', async () => {
    // 17.2.0 is invalidated.
    const expected = ['17.1.1', '17.0.0', '16.4.6', '14.11.8'];
    for (const token of [undefined, other.token, sandbox.superuser.token]) {
      const answer = await odata(sandbox, SUPERVISOR_QUERY, token);
      expect(answer.status).toBe(200);
      expect(answer.body.d.map((release: { raw_version: string }) => release.raw_version)).toEqual(expected);
    }
  });

  it('does not list public applications among a user’s fleets', async () => {
    const answer = await odata(sandbox, 'application?$select=slug', other.token);
    expect(answer.body.d).toEqual([]);
  });

  it('keeps a private fleet’s releases from other users and guests, even when the query names the fleet', async () => {
    const query = `release?$select=id&$filter=belongs_to__application/any(a:a/id eq ${privateFleet})`;
    expect((await odata(sandbox, query, sandbox.superuser.token)).body.d).toHaveLength(1);
    expect((await odata(sandbox, query, other.token)).body.d).toEqual([]);
    const guest = await odata(sandbox, query);
    expect(guest.body.d ?? []).toEqual([]);
  });
});
