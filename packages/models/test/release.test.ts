import { AmbiguousRelease, ApplicationNotFound, InvalidParameter, ReleaseNotFound } from '@balena-ts/core';
import * as release from '@balena-ts/models/release';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContext, type TestContext, uniqueName } from './helpers/sandbox.js';

let context: TestContext;
let application: { id: number; slug: string };
let older: { id: number; commit: string; services: { imageId: number }[] };
let newer: { id: number; commit: string };
let failed: { id: number; commit: string };

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

beforeAll(async () => {
  context = await startTestContext();
  application = await context.sandbox.seedApplication({ name: uniqueName('releases') });
  // Releases are ordered by creation time: keep their timestamps apart.
  older = await context.sandbox.seedRelease({ application: application.id, semver: '1.0.0', services: ['main'] });
  await pause(20);
  newer = await context.sandbox.seedRelease({
    application: application.id,
    semver: '1.1.0',
    services: ['worker', 'main', 'api'],
  });
  await pause(20);
  failed = await context.sandbox.seedRelease({ application: application.id, semver: '1.2.0', status: 'failed' });
});

afterAll(async () => {
  await context?.sandbox.close();
});

describe('release.get', () => {
  it('finds a release by id, by full commit and by application and raw version', async () => {
    const byId = await release.get(context.client, newer.id);
    expect(byId.commit).toBe(newer.commit);
    const byCommit = await release.get(context.client, newer.commit, { $select: ['id', 'raw_version'] });
    expect(byCommit).toEqual({ id: newer.id, raw_version: byId.raw_version });
    for (const owner of [application.id, application.slug]) {
      const byVersion = await release.get(context.client, { application: owner, rawVersion: byId.raw_version });
      expect(byVersion.id).toBe(newer.id);
    }
  });

  it('sends one request for an id or a commit', async () => {
    for (const identifier of [older.id, older.commit]) {
      context.recorder.reset();
      await release.get(context.client, identifier, { $select: 'id' });
      expect(context.recorder.requests).toHaveLength(1);
    }
  });

  it('throws ReleaseNotFound for an unknown id, commit or version', async () => {
    await expect(release.get(context.client, 987_654_321)).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(release.get(context.client, 'f'.repeat(32))).rejects.toThrow(/Release not found: f{32}/);
    await expect(
      release.get(context.client, { application: application.id, rawVersion: '9.9.9' }),
    ).rejects.toBeInstanceOf(ReleaseNotFound);
  });

  it('throws ApplicationNotFound when the pair names an unknown application', async () => {
    await expect(
      release.get(context.client, { application: 'nobody/nothing', rawVersion: '1.0.0' }),
    ).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('throws AmbiguousRelease when a commit matches releases of two applications', async () => {
    const other = await context.sandbox.seedApplication({ name: uniqueName('twin') });
    await context.sandbox.seedRelease({ application: other.id, commit: older.commit });
    await expect(release.get(context.client, older.commit)).rejects.toBeInstanceOf(AmbiguousRelease);
    expect((await release.get(context.client, older.id)).commit).toBe(older.commit);
  });

  it('rejects malformed arguments with InvalidParameter before any request', async () => {
    for (const bad of ['', '  ', 0, -3, 1.5, { application: application.id }, { rawVersion: '1.0.0' }, null]) {
      context.recorder.reset();
      await expect(release.get(context.client, bad as never)).rejects.toBeInstanceOf(InvalidParameter);
      expect(context.recorder.requests).toHaveLength(0);
    }
    // A pair needs both halves: an application (a positive id or a non-empty name) and a non-empty version.
    for (const pair of [
      { application: '', rawVersion: '1.0.0' },
      { application: 0, rawVersion: '1.0.0' },
      { application: application.slug, rawVersion: '' },
      { application: application.slug, rawVersion: 5 },
    ]) {
      context.recorder.reset();
      await expect(release.get(context.client, pair as never)).rejects.toThrow(
        'expected a release id, a full commit, or { application, rawVersion }',
      );
      expect(context.recorder.requests).toHaveLength(0);
    }
  });
});

describe('release.getAllByApplication', () => {
  it('lists the releases newest first, by id or slug, with options merged', async () => {
    for (const owner of [application.id, application.slug]) {
      const releases = await release.getAllByApplication(context.client, owner, { $select: ['id', 'status'] });
      expect(releases).toEqual([
        { id: failed.id, status: 'failed' },
        { id: newer.id, status: 'success' },
        { id: older.id, status: 'success' },
      ]);
    }
    const successful = await release.getAllByApplication(context.client, application.id, {
      $select: 'id',
      $filter: { status: 'success' },
    });
    expect(successful.map((row) => row.id)).toEqual([newer.id, older.id]);
  });

  it('gives an empty list for an application without releases, and ApplicationNotFound for a missing one', async () => {
    const empty = await context.sandbox.seedApplication({ name: uniqueName('empty') });
    expect(await release.getAllByApplication(context.client, empty.id)).toEqual([]);
    await expect(release.getAllByApplication(context.client, 987_654_321)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(release.getAllByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('release.getLatestByApplication', () => {
  it('returns the newest successful release, or undefined when there is none', async () => {
    const latest = await release.getLatestByApplication(context.client, application.slug, {
      $select: ['id', 'commit'],
    });
    expect(latest).toEqual({ id: newer.id, commit: newer.commit });
    const empty = await context.sandbox.seedApplication({ name: uniqueName('no-success') });
    await context.sandbox.seedRelease({ application: empty.id, status: 'failed' });
    expect(await release.getLatestByApplication(context.client, empty.id)).toBeUndefined();
    await expect(release.getLatestByApplication(context.client, 987_654_321)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });
});

describe('release.getWithImageDetails', () => {
  it('returns the release with its images sorted by service name and its creator, in one request', async () => {
    await context.client.pine.patch({
      resource: 'release',
      id: newer.id,
      body: { is_created_by__user: context.sandbox.superuser.id },
    });
    context.recorder.reset();
    const details = await release.getWithImageDetails(context.client, newer.commit, {
      image: { $select: ['status', 'image_size'] },
      release: { $select: ['id', 'commit'] },
    });
    expect(context.recorder.requests).toHaveLength(1);
    expect(details.id).toBe(newer.id);
    expect(details.commit).toBe(newer.commit);
    expect(details.images.map((image) => image.service_name)).toEqual(['api', 'main', 'worker']);
    for (const image of details.images) {
      expect(image).toEqual({
        id: expect.any(Number),
        service_name: image.service_name,
        status: 'success',
        image_size: 50_000_000,
      });
    }
    expect(details.user).toEqual({ id: context.sandbox.superuser.id, username: context.sandbox.superuser.username });
    expect(details).not.toHaveProperty('release_image');
    expect(details).not.toHaveProperty('is_created_by__user');
  });

  it('gives user undefined for a release nobody created, and the release errors', async () => {
    const details = await release.getWithImageDetails(context.client, older.id);
    expect(details.user).toBeUndefined();
    expect(details.images.map((image) => image.service_name)).toEqual(['main']);
    await expect(release.getWithImageDetails(context.client, 987_654_321)).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(release.getWithImageDetails(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('release.getWithImageDetails, more', () => {
  it('sorts images by service name whatever order they come in', async () => {
    // Images come in the order they were made; this order needs both answers of the comparison.
    const mixed = await context.sandbox.seedRelease({
      application: application.id,
      services: ['main', 'worker', 'api'],
    });
    const details = await release.getWithImageDetails(context.client, mixed.id);
    expect(details.images.map((image) => image.service_name)).toEqual(['api', 'main', 'worker']);
  });

  it('keeps images of one service in the order they come (ids ascending)', async () => {
    // balena lets a release hold a second image of a service (a release_image link added later).
    const twin = await context.sandbox.seedRelease({ application: application.id, services: ['main'] });
    const second = await context.client.pine.post<{ id: number }>({
      resource: 'image',
      body: { is_a_build_of__service: twin.services[0]!.id, project_type: 'Dockerfile', status: 'success' },
    });
    await context.client.pine.post({
      resource: 'release_image',
      body: { is_part_of__release: twin.id, image: second.id },
    });
    const details = await release.getWithImageDetails(context.client, twin.id);
    expect(details.images.map((image) => [image.service_name, image.id])).toEqual([
      ['main', twin.services[0]!.imageId],
      ['main', second.id],
    ]);
  });

  it('expands each image’s service for its name only, and gives an empty name when a filter drops the service', async () => {
    context.recorder.reset();
    const details = await release.getWithImageDetails(context.client, older.id, {
      image: { $expand: { is_a_build_of__service: { $filter: { service_name: 'none' } } } },
    });
    const query = new URL(context.recorder.requests[0]!.url).searchParams.get('$expand');
    expect(query).toContain(
      "image($select=id;$expand=is_a_build_of__service($select=service_name;$filter=service_name eq 'none'))",
    );
    expect(details.images).toEqual([{ id: older.services[0]!.imageId, service_name: '' }]);
  });
});

describe('release writes: finalize, setIsInvalidated, setNote, setKnownIssueList', () => {
  it('write the fields of the release named by id, commit or raw version', async () => {
    const draft = await context.sandbox.seedRelease({ application: application.id, isFinal: false, semver: '2.0.0' });
    const fields = () =>
      release.get(context.client, draft.id, { $select: ['is_final', 'is_invalidated', 'note', 'known_issue_list'] });
    expect((await fields()).is_final).toBe(false);
    await release.finalize(context.client, draft.commit);
    await release.setIsInvalidated(context.client, draft.id, true);
    const { raw_version: rawVersion } = await release.get(context.client, draft.id, { $select: ['raw_version'] });
    await release.setNote(context.client, { application: application.slug, rawVersion }, 'O\'Brien\'s "note" ✓');
    await release.setKnownIssueList(context.client, draft.id, 'Wi-Fi drops');
    expect(await fields()).toEqual({
      is_final: true,
      is_invalidated: true,
      note: 'O\'Brien\'s "note" ✓',
      known_issue_list: 'Wi-Fi drops',
    });
    await release.setIsInvalidated(context.client, draft.id, false);
    await release.setNote(context.client, draft.id, null);
    expect(await fields()).toMatchObject({ is_invalidated: false, note: null });
  });

  it('look an id up selecting the id only before writing, as a PATCH of a missing row answers 200', async () => {
    context.recorder.reset();
    await release.setNote(context.client, older.id, 'checked');
    expect(
      context.recorder.requests.map((request) => {
        const url = new URL(request.url);
        return `${request.method} ${decodeURIComponent(url.pathname + url.search)}`;
      }),
    ).toEqual([`GET /v7/release(${older.id})?$select=id`, `PATCH /v7/release(${older.id})`]);
  });

  it('name the argument refused and say what it must be', async () => {
    const refusals = [
      [() => release.setIsInvalidated(context.client, older.id, 'yes' as never), 'isInvalidated', 'must be a boolean'],
      [() => release.setNote(context.client, older.id, 5 as never), 'note', 'must be a string or null'],
      [
        () => release.setKnownIssueList(context.client, older.id, 5 as never),
        'knownIssueList',
        'must be a string or null',
      ],
    ] as const;
    for (const [work, parameter, reason] of refusals) {
      const error = await work().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(InvalidParameter);
      const { message } = error as InvalidParameter;
      expect((error as InvalidParameter).parameter).toBe(parameter);
      expect(message.slice(message.indexOf(' for parameter '))).toBe(` for parameter "${parameter}": ${reason}`);
    }
  });

  it('throw ReleaseNotFound for a missing release and InvalidParameter for bad arguments', async () => {
    await expect(release.finalize(context.client, 987_654_321)).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(release.setNote(context.client, 'f'.repeat(32), 'x')).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(release.setIsInvalidated(context.client, older.id, 'yes' as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(release.setKnownIssueList(context.client, '', 'x')).rejects.toBeInstanceOf(InvalidParameter);
  });
});
