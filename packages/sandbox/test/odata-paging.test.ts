// Large lists: paging over cached orders, counts and index lookups must give what a full scan gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { odata } from './support/api.js';

const DEVICES_PER_FLEET = 600;

let sandbox: Sandbox;
let admin: SandboxUser;
let other: SandboxUser;
let mine: { id: number; slug: string; uuid: string };
let theirs: { id: number; slug: string; uuid: string };
let myNames: string[];

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.superuser;
  other = await sandbox.createUser();
  mine = await sandbox.seedApplication({ name: 'mine' });
  theirs = await sandbox.seedApplication({ owner: other.id, name: 'theirs' });
  // Random names, so the two fleets' devices interleave in name order.
  await sandbox.seedDevices({ application: mine.id, count: DEVICES_PER_FLEET });
  await sandbox.seedDevices({ application: theirs.id, count: DEVICES_PER_FLEET });
  const all = await odata(
    sandbox,
    `device?$select=id,device_name&$filter=belongs_to__application eq ${mine.id}`,
    admin.token,
  );
  const rows = all.body.d as { id: number; device_name: string }[];
  // C collation, ties in id order (names are ASCII, so code-unit order is byte order).
  rows.sort((a, b) => (a.device_name < b.device_name ? -1 : a.device_name > b.device_name ? 1 : a.id - b.id));
  myNames = rows.map((row) => row.device_name);
});
afterAll(() => sandbox.close());

async function names(query: string, token = admin.token): Promise<string[]> {
  const answer = await odata(sandbox, query, token);
  expect(answer.status).toBe(200);
  return (answer.body.d as { device_name: string }[]).map((row) => row.device_name);
}

describe('paging a large ordered list', () => {
  it('pages over every visible device (no filter) match a full sort, hiding other users’ devices', async () => {
    expect(myNames).toHaveLength(DEVICES_PER_FLEET);
    for (const skip of [0, 100, 575]) {
      const page = await names(`device?$select=device_name&$orderby=device_name asc&$top=50&$skip=${skip}`);
      expect(page).toEqual(myNames.slice(skip, skip + 50));
    }
    const descending = await names('device?$select=device_name&$orderby=device_name desc&$top=3');
    expect(descending).toEqual(myNames.slice(-3).reverse());
  });

  it('the same with an index filter, with a filter the index only narrows, and past the end', async () => {
    const byFleet = `device?$select=device_name&$filter=belongs_to__application eq ${mine.id}&$orderby=device_name asc`;
    expect(await names(`${byFleet}&$top=25&$skip=300`)).toEqual(myNames.slice(300, 325));
    expect(await names(`${byFleet}&$skip=590`)).toEqual(myNames.slice(590));
    expect(await names(`${byFleet}&$skip=${DEVICES_PER_FLEET}`)).toEqual([]);
    expect(await names(`${byFleet}&$top=0`)).toEqual([]);
    const narrowed = `device?$select=device_name&$filter=belongs_to__application eq ${mine.id} and startswith(device_name,'s')&$orderby=device_name asc&$top=10&$skip=2`;
    expect(await names(narrowed)).toEqual(myNames.filter((name) => name.startsWith('s')).slice(2, 12));
    // Another user's fleet, asked for by id: nothing.
    const foreign = `device?$select=device_name&$filter=belongs_to__application eq ${theirs.id}&$orderby=device_name asc&$top=5`;
    expect(await names(foreign)).toEqual([]);
    expect(await names(foreign, other.token)).toHaveLength(5);
  });
});

describe('counts and lookups', () => {
  it('$count follows the filter and the caller, and ignores $top', async () => {
    const count = async (query: string, token = admin.token) => (await odata(sandbox, query, token)).body.d;
    expect(await count('device/$count')).toBe(DEVICES_PER_FLEET);
    expect(await count('device/$count', other.token)).toBe(DEVICES_PER_FLEET);
    expect(await count(`device/$count?$filter=belongs_to__application eq ${theirs.id}`)).toBe(0);
    expect(await count(`device/$count?$filter=belongs_to__application eq ${mine.id}&$top=1`)).toBe(DEVICES_PER_FLEET);
    // A quoted number still compares equal to the link's id, as in SQL.
    expect(await count(`device/$count?$filter=belongs_to__application eq '${mine.id}'`)).toBe(DEVICES_PER_FLEET);
    const startingWithS = myNames.filter((name) => name.startsWith('s')).length;
    const expanded = await odata(
      sandbox,
      `application(${mine.id})?$select=id&$expand=owns__device/$count($filter=startswith(device_name,'s'))`,
      admin.token,
    );
    expect(expanded.body.d).toEqual([{ owns__device: startingWithS, id: mine.id }]);
  });

  it('slug-or-uuid lookups (as the SDKs send them) find each fleet the caller may see', async () => {
    const query = (slug: string, uuid: string, token = admin.token) =>
      odata(
        sandbox,
        `application?$select=id&$filter=(slug eq '${slug}') or (uuid eq '${uuid}')&$orderby=id asc`,
        token,
      );
    expect((await query(mine.slug, 'none')).body.d).toEqual([{ id: mine.id }]);
    expect((await query('none', mine.uuid)).body.d).toEqual([{ id: mine.id }]);
    expect((await query(mine.slug, theirs.uuid)).body.d).toEqual([{ id: mine.id }]);
    expect((await query(mine.slug, theirs.uuid, other.token)).body.d).toEqual([{ id: theirs.id }]);
    const both = await odata(
      sandbox,
      `device?$select=id&$filter=uuid in ('none') or belongs_to__application eq ${theirs.id}&$top=2&$orderby=id asc`,
      other.token,
    );
    expect(both.body.d).toHaveLength(2);
  });
});

describe('one fleet holding every device', () => {
  // Its index lookup is the whole table, so a page is a slice of the cached order, and counts
  // through the fleet take one permission test for all its devices.
  let single: Sandbox;
  let fleet: { id: number };
  let stranger: SandboxUser;
  let sorted: { id: number; device_name: string }[];
  beforeAll(async () => {
    single = await startSandbox();
    stranger = await single.createUser();
    fleet = await single.seedApplication({ name: 'everything' });
    await single.seedDevices({ application: fleet.id, count: DEVICES_PER_FLEET });
    const all = await odata(single, 'device?$select=id,device_name', single.superuser.token);
    sorted = (all.body.d as { id: number; device_name: string }[]).sort((a, b) =>
      a.device_name < b.device_name ? -1 : a.device_name > b.device_name ? 1 : a.id - b.id,
    );
  });
  afterAll(() => single.close());

  it('pages by fleet match a full sort, and show a stranger nothing', async () => {
    const page = async (query: string, token = single.superuser.token) => {
      const answer = await odata(single, query, token);
      expect(answer.status).toBe(200);
      return (answer.body.d as { id: number }[]).map((row) => row.id);
    };
    const byFleet = `device?$select=id&$filter=belongs_to__application eq ${fleet.id}&$orderby=device_name asc`;
    const ids = sorted.map((row) => row.id);
    expect(await page(`${byFleet}&$top=50`)).toEqual(ids.slice(0, 50));
    expect(await page(`${byFleet}&$top=25&$skip=575`)).toEqual(ids.slice(575, 600));
    expect(await page(`${byFleet}&$skip=590`)).toEqual(ids.slice(590));
    expect(await page(`${byFleet}&$skip=${DEVICES_PER_FLEET}`)).toEqual([]);
    expect(await page(`${byFleet}&$top=0`)).toEqual([]);
    expect(await page(`${byFleet}&$top=5`, stranger.token)).toEqual([]);
    const count = await odata(single, `device/$count?$filter=belongs_to__application eq ${fleet.id}`, stranger.token);
    expect(count.body.d).toBe(0);
  });

  it('expanded counts and lists of the fleet’s devices hold all of them', async () => {
    const counted = await odata(
      single,
      `application?$select=id&$filter=id eq ${fleet.id}&$expand=owns__device/$count`,
      single.superuser.token,
    );
    expect(counted.body.d).toEqual([{ owns__device: DEVICES_PER_FLEET, id: fleet.id }]);
    const listed = await odata(
      single,
      `application(${fleet.id})?$select=id&$expand=owns__device($select=id;$orderby=id desc)`,
      single.superuser.token,
    );
    const devices = (listed.body.d as { owns__device: { id: number }[] }[])[0]!.owns__device;
    expect(devices.map((row) => row.id)).toEqual(sorted.map((row) => row.id).sort((a, b) => b - a));
  });
});

describe('computed fields in $filter and $orderby', () => {
  it('filter and sort by overall_status as every row reports it', async () => {
    const rows = (await odata(sandbox, 'device?$select=id,overall_status&$orderby=id asc', admin.token)).body.d as {
      id: number;
      overall_status: string;
    }[];
    expect(rows).toHaveLength(DEVICES_PER_FLEET);
    const status = rows[0]!.overall_status;
    expect(typeof status).toBe('string');
    const count = async (filter: string) =>
      (await odata(sandbox, `device/$count?$filter=${filter}`, admin.token)).body.d as number;
    expect(await count(`overall_status eq '${status}'`)).toBe(
      rows.filter((row) => row.overall_status === status).length,
    );
    expect(await count(`overall_status ne '${status}'`)).toBe(
      rows.filter((row) => row.overall_status !== status).length,
    );
    const sorted = (await odata(sandbox, 'device?$select=id&$orderby=overall_status desc,id desc&$top=3', admin.token))
      .body.d as { id: number }[];
    const expected = [...rows]
      .sort((a, b) =>
        a.overall_status < b.overall_status ? 1 : a.overall_status > b.overall_status ? -1 : b.id - a.id,
      )
      .slice(0, 3)
      .map((row) => ({ id: row.id }));
    expect(sorted).toEqual(expected);
  });
});
