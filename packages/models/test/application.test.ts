import {
  AmbiguousApplication,
  ApplicationNotFound,
  createClient,
  InvalidApplicationType,
  InvalidDeviceType,
  InvalidParameter,
  OrganizationNotFound,
} from '@balena-ts/core';
import * as application from '@balena-ts/models/application';
import { describe, expect, it } from 'vitest';
import { pickApplication } from '../src/internal/application.js';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function seedApp(prefix = 'fleet') {
  return context.sandbox.seedApplication({ name: uniqueName(prefix) });
}

describe('application.get', () => {
  it('finds an application by id, slug, uuid, name and id-as-text with one request each', async () => {
    const seeded = await seedApp();
    const name = seeded.slug.split('/')[1] as string;
    for (const identifier of [
      seeded.id,
      seeded.slug,
      seeded.slug.toUpperCase(),
      seeded.uuid,
      name,
      String(seeded.id),
    ]) {
      context.recorder.reset();
      const app = await application.get(context.client, identifier, { $select: ['id', 'app_name'] });
      expect(app).toEqual({ id: seeded.id, app_name: name });
      expect(context.recorder.requests).toHaveLength(1);
    }
  });

  it('returns every field without $select and narrows with it', async () => {
    const seeded = await seedApp();
    const full = await application.get(context.client, seeded.slug);
    expect(full.slug).toBe(seeded.slug);
    expect(full.should_track_latest_release).toBe(true);
    const narrow = await application.get(context.client, seeded.slug, { $select: ['slug'] });
    expect(Object.keys(narrow)).toEqual(['slug']);
  });

  it('merges the caller $filter with its own', async () => {
    const seeded = await seedApp();
    await expect(
      application.get(context.client, seeded.id, { $filter: { is_host: true } } as never),
    ).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(application.get(context.client, seeded.slug, { $filter: { is_host: true } })).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });

  it('raises ApplicationNotFound for a missing id, slug, uuid or name', async () => {
    for (const identifier of [999_999, 'admin/nothing-here', 'ffffffffffffffffffffffffffffffff', 'no such fleet']) {
      const error = await application.get(context.client, identifier).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApplicationNotFound);
      expect((error as ApplicationNotFound).message).toContain(String(identifier));
    }
  });

  it('treats a quote in a name as text, never as query syntax', async () => {
    const seeded = await context.sandbox.seedApplication({ name: "O'Brien" });
    const app = await application.get(context.client, "O'Brien", { $select: ['id'] });
    expect(app.id).toBe(seeded.id);
    await expect(application.get(context.client, "x') or (1 eq 1")).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('does not match public host applications by name', async () => {
    await expect(application.get(context.client, 'raspberrypi3')).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('rejects empty, negative, fractional and NaN identifiers without a request', async () => {
    context.recorder.reset();
    for (const identifier of ['', '   ', 0, -1, 1.5, Number.NaN, null, undefined, {}, true] as never[]) {
      await expect(application.get(context.client, identifier)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('getById is get with a number', async () => {
    const seeded = await seedApp();
    expect((await application.getById(context.client, seeded.id, { $select: ['uuid'] })).uuid).toBe(seeded.uuid);
    await expect(application.getById(context.client, 987_654)).rejects.toBeInstanceOf(ApplicationNotFound);
  });
});

describe('choosing among matches', () => {
  it('prefers a slug or uuid match and reports several name matches as ambiguous', () => {
    const rows = [
      { id: 1, slug: 'a/x', uuid: 'u1', app_name: 'x' },
      { id: 2, slug: 'b/x', uuid: 'u2', app_name: 'x' },
    ];
    expect(pickApplication('a/x', rows).id).toBe(1);
    expect(() => pickApplication('x', rows)).toThrow(AmbiguousApplication);
    expect(() => pickApplication('y', [])).toThrow(ApplicationNotFound);
  });

  it('raises AmbiguousApplication when the user has a fleet of that name in two organizations', async () => {
    // A user who creates an organization becomes its member: two fleets, one name, both visible.
    const handle = uniqueName('second-org');
    const organization = await context.client.pine.post<{ id: number }>({
      resource: 'organization',
      body: { name: handle, handle },
    });
    const name = uniqueName('twin');
    const mine = await context.sandbox.seedApplication({ name });
    const theirs = await application.create(context.client, name, 'raspberrypi3', undefined, {
      organization: organization.id,
    });
    const error = await application.get(context.client, name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousApplication);
    expect((error as AmbiguousApplication).message).toContain(name);
    await expect(application.has(context.client, name)).rejects.toBeInstanceOf(AmbiguousApplication);
    await expect(application.remove(context.client, name)).rejects.toBeInstanceOf(AmbiguousApplication);
    // The slugs still tell them apart, and nothing was removed.
    expect((await application.get(context.client, mine.slug, { $select: ['id'] })).id).toBe(mine.id);
    expect((await application.get(context.client, `${handle}/${name}`, { $select: ['id'] })).id).toBe(theirs.id);
    const listed = await application.getAllByOrganization(context.client, organization.id, { $select: ['id'] });
    expect(listed).toEqual([{ id: theirs.id }]);
  });
});

describe('application.getAll / getAllByOrganization / has / hasAny', () => {
  it('lists the user own applications ordered by name, without host applications', async () => {
    const seeded = await seedApp('zz-last');
    context.recorder.reset();
    const apps = await application.getAll(context.client, { $select: ['id', 'app_name', 'is_host'] });
    // balena's direct-access view has null ids: only a test that names no field of it matches.
    expect(context.recorder.requests[0]?.url).toContain('is_directly_accessible_by__user/any(dau:1 eq 1)');
    expect(apps.some((app) => app.id === seeded.id)).toBe(true);
    expect(apps.every((app) => app.is_host === false)).toBe(true);
    const names = apps.map((app) => app.app_name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('lists an organization applications and rejects an unknown organization', async () => {
    const seeded = await seedApp();
    const apps = await application.getAllByOrganization(context.client, context.sandbox.superuser.username, {
      $select: ['id'],
    });
    expect(apps.map((app) => app.id)).toContain(seeded.id);
    await expect(application.getAllByOrganization(context.client, 'no-such-org')).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    await expect(application.getAllByOrganization(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('has() answers true, false, and rejects invalid input', async () => {
    const seeded = await seedApp();
    expect(await application.has(context.client, seeded.slug)).toBe(true);
    expect(await application.has(context.client, 'admin/absent')).toBe(false);
    expect(await application.has(context.client, 123_456)).toBe(false);
    await expect(application.has(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('hasAny() is true for the superuser and false for a new user', async () => {
    await seedApp();
    expect(await application.hasAny(context.client)).toBe(true);
    const user = await context.sandbox.createUser({ username: uniqueName('empty') });
    const other = createClient({ apiUrl: context.sandbox.url, retry: false });
    await other.tokens.set(user.token);
    expect(await application.hasAny(other)).toBe(false);
  });
});

describe('application.create / remove', () => {
  it('creates in the user own organization from a display name or a slug, and returns the id', async () => {
    const byName = await application.create(context.client, uniqueName('made'), 'Raspberry Pi 3');
    expect(byName.id).toBeGreaterThan(0);
    expect(byName.slug).toBe(`${context.sandbox.superuser.username}/${byName.app_name}`.toLowerCase());
    const bySlug = await application.create(context.client, uniqueName('made'), 'raspberrypi4-64', 'fleet', {
      organization: context.sandbox.superuser.username,
    });
    const stored = await application.get(context.client, bySlug.id, {
      $select: ['is_of__class'],
      $expand: { is_for__device_type: { $select: 'slug' } },
    });
    expect(stored.is_of__class).toBe('fleet');
    expect(stored).toMatchObject({ is_for__device_type: [{ slug: 'raspberrypi4-64' }] });
  });

  it('rejects an unknown device type, organization, application type and an empty name', async () => {
    await expect(application.create(context.client, uniqueName('x'), 'toaster-9000')).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
    await expect(
      application.create(context.client, uniqueName('x'), 'raspberrypi3', undefined, { organization: 'nobody-here' }),
    ).rejects.toBeInstanceOf(OrganizationNotFound);
    await expect(
      application.create(context.client, uniqueName('x'), 'raspberrypi3', 'no-such-type'),
    ).rejects.toBeInstanceOf(InvalidApplicationType);
  });

  it('rejects an empty name, device type, application type or organization before any request', async () => {
    context.recorder.reset();
    await expect(application.create(context.client, '', 'raspberrypi3')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.create(context.client, 'x', '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.create(context.client, 'x', 'raspberrypi3', '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(
      application.create(context.client, 'x', 'raspberrypi3', undefined, { organization: '' }),
    ).rejects.toBeInstanceOf(InvalidParameter);
    await expect(
      application.create(context.client, 'x', 'raspberrypi3', undefined, { organization: -1 }),
    ).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('accepts a legacy application type slug (the seed app_type) and an explicit uuid', async () => {
    const uuid = 'abcdef0123456789abcdef0123456789';
    const created = await application.create(context.client, uniqueName('legacy'), 'raspberrypi3', 'default', {
      uuid,
    });
    expect(created.uuid).toBe(uuid);
    const stored = await application.get(context.client, created.id, {
      $select: ['uuid'],
      $expand: { application_type: { $select: 'slug' } },
    });
    expect(stored).toMatchObject({ uuid, application_type: [{ slug: 'default' }] });
  });

  it('creates in the given organization with three requests, as the official SDK does', async () => {
    context.recorder.reset();
    const created = await application.create(context.client, uniqueName('counted'), 'raspberrypi3', 'fleet', {
      organization: context.sandbox.superuser.username,
    });
    expect(created.is_of__class).toBe('fleet');
    expect(context.recorder.requests.map((request) => request.method).sort()).toEqual(['GET', 'GET', 'POST']);
  });

  it('removes by name and then reports it missing', async () => {
    const seeded = await seedApp('doomed');
    await application.remove(context.client, seeded.slug);
    expect(await application.has(context.client, seeded.id)).toBe(false);
    await expect(application.remove(context.client, seeded.id)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(application.remove(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('application device URLs and support access', () => {
  it('enables and disables the URLs of every device with one PATCH', async () => {
    const seeded = await seedApp();
    const devices = await context.sandbox.seedDevices({ application: seeded.id, count: 5 });
    context.recorder.reset();
    await application.enableDeviceUrls(context.client, seeded.slug);
    expect(context.recorder.requests.map((request) => request.method)).toEqual(['GET', 'PATCH']);
    const rows = await context.client.pine.get<{ is_web_accessible: boolean }>({
      resource: 'device',
      options: { $select: 'is_web_accessible', $filter: { id: { $in: devices.map((device) => device.id) } } },
    });
    expect(rows.map((row) => row.is_web_accessible)).toEqual([true, true, true, true, true]);
    await application.disableDeviceUrls(context.client, seeded.id);
    const after = await context.client.pine.get<{ is_web_accessible: boolean }>({
      resource: 'device',
      options: { $select: 'is_web_accessible', $filter: { belongs_to__application: seeded.id } },
    });
    expect(after.every((row) => row.is_web_accessible === false)).toBe(true);
    await expect(application.enableDeviceUrls(context.client, 'admin/none')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });

  it('grants and revokes support access, refusing a past expiry', async () => {
    const seeded = await seedApp();
    await expect(application.grantSupportAccess(context.client, seeded.id, Date.now() - 1000)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    const until = Date.now() + 3_600_000;
    await application.grantSupportAccess(context.client, seeded.id, until);
    const granted = await application.get(context.client, seeded.id, {
      $select: ['is_accessible_by_support_until__date'],
    });
    expect(new Date(granted.is_accessible_by_support_until__date as string).getTime()).toBe(until);
    await application.revokeSupportAccess(context.client, seeded.slug);
    const revoked = await application.get(context.client, seeded.id, {
      $select: ['is_accessible_by_support_until__date'],
    });
    expect(revoked.is_accessible_by_support_until__date).toBeNull();
    await expect(application.grantSupportAccess(context.client, 'admin/none', until)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(application.grantSupportAccess(context.client, seeded.id, Number.NaN)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(application.revokeSupportAccess(context.client, 'admin/none')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });
});

describe('application.get: the caller’s $select and the identifier refusals', () => {
  it('keeps every field for `*`, and the fields of a comma-separated text', async () => {
    const seeded = await context.sandbox.seedApplication({ name: uniqueName('app') });
    const all = await application.get<Record<string, unknown>>(context.client, seeded.slug, { $select: '*' });
    expect(all).toMatchObject({ id: seeded.id, slug: seeded.slug, uuid: seeded.uuid });
    expect(all.app_name).toEqual(expect.any(String));
    const listed = await application.get<Record<string, unknown>>(context.client, seeded.slug, {
      $select: 'id, app_name',
    });
    expect(listed).toEqual({ id: seeded.id, app_name: all.app_name });
  });

  it('names the parameter and the reason of a refused identifier', async () => {
    await expect(application.get(context.client, -1)).rejects.toEqual(
      new InvalidParameter('slugOrUuidOrIdOrName', -1, 'an id must be a positive integer'),
    );
    await expect(application.get(context.client, ' ')).rejects.toEqual(
      new InvalidParameter('slugOrUuidOrIdOrName', ' ', 'expected an id, a slug, a uuid or a name'),
    );
  });
});
