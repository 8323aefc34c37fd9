// The release helpers of src/internal against the sandbox: a release of an application found by
// id among newer ones, the refusal of a release argument that is neither, and the not-found
// message of a version pair.
import { InvalidParameter, ReleaseNotFound } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { findApplicationReleaseId, getRelease } from '../src/internal/release.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('findApplicationReleaseId', () => {
  it('finds the release with the id given, not the newest', async () => {
    const { app } = await seedFleet(context, 0);
    const older = await context.sandbox.seedRelease({ application: app.id });
    const newer = await context.sandbox.seedRelease({ application: app.id });
    expect(await findApplicationReleaseId(context.client, app.id, older.id)).toBe(older.id);
    expect(await findApplicationReleaseId(context.client, app.id, newer.commit)).toBe(newer.id);
  });

  it('refuses what is neither an id nor a commit as fullReleaseHashOrId, before any request', async () => {
    context.recorder.reset();
    const error = await findApplicationReleaseId(context.client, 1, 0).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('fullReleaseHashOrId');
    expect(context.recorder.requests).toEqual([]);
  });
});

describe('getRelease', () => {
  it('says which version of which application it did not find', async () => {
    const { app } = await seedFleet(context, 0);
    await context.sandbox.seedRelease({ application: app.id, semver: '1.0.0' });
    const error = await getRelease(context.client, { application: app.slug, rawVersion: '9.9.9' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReleaseNotFound);
    expect((error as Error).message).toContain(`9.9.9 of application ${app.slug}`);
  });
});
