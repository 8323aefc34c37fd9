import { ApplicationNotFound, createClient, InvalidParameter, type RequestError } from '@balena-ts/core';
import * as buildVariable from '@balena-ts/models/application-build-variable';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function fleet() {
  return context.sandbox.seedApplication({ name: uniqueName('builds') });
}

describe('application build variables (application.buildVar)', () => {
  it('sets, reads, lists, updates and removes build variables', async () => {
    const app = await fleet();
    await buildVariable.set(context.client, app.slug, 'NODE_VERSION', '20');
    // balena checks no naming rule on build variables: names an environment variable may not have are fine.
    await buildVariable.set(context.client, app.id, 'BALENA_ARCH_OVERRIDE', 'multi\nline');
    expect(await buildVariable.get(context.client, app.slug, 'NODE_VERSION')).toBe('20');
    await buildVariable.set(context.client, app.uuid, 'NODE_VERSION', '22');
    expect(await buildVariable.get(context.client, app.id, 'NODE_VERSION')).toBe('22');
    expect(await buildVariable.get(context.client, app.id, 'MISSING')).toBeUndefined();
    const all = await buildVariable.getAllByApplication(context.client, app.slug);
    expect(all.map((row) => [row.name, row.value])).toEqual([
      ['BALENA_ARCH_OVERRIDE', 'multi\nline'],
      ['NODE_VERSION', '22'],
    ]);
    expect(await buildVariable.getAll(context.client, app.id)).toEqual(all);
    const created = await buildVariable.create(context.client, app.id, 'DEBUG', '1');
    await buildVariable.update(context.client, created.id, '0');
    expect(await buildVariable.get(context.client, app.id, 'DEBUG')).toBe('0');
    await buildVariable.remove(context.client, created.id);
    await buildVariable.remove(context.client, app.slug, 'NODE_VERSION');
    expect((await buildVariable.getAllByApplication(context.client, app.id)).map((row) => row.name)).toEqual([
      'BALENA_ARCH_OVERRIDE',
    ]);
  });

  it('keeps them from other users', async () => {
    const app = await fleet();
    await buildVariable.set(context.client, app.id, 'SECRET_TOKEN', 'abc');
    const user = await context.sandbox.createUser({ username: uniqueName('outsider') });
    const other = createClient({ apiUrl: context.sandbox.url, retry: false });
    await other.tokens.set(user.token);
    await expect(buildVariable.getAllByApplication(other, app.id)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(buildVariable.set(other, app.id, 'SECRET_TOKEN', 'x')).rejects.toBeInstanceOf(ApplicationNotFound);
    const rows = await other.pine.get({ resource: 'build_environment_variable', options: { $select: 'id' } });
    expect(rows).toEqual([]);
    expect(await buildVariable.get(context.client, app.id, 'SECRET_TOKEN')).toBe('abc');
  });

  it('raises ApplicationNotFound, InvalidParameter and a 409 for a duplicate create', async () => {
    const app = await fleet();
    await expect(buildVariable.set(context.client, 'nobody/nothing', 'A', '1')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    context.recorder.reset();
    await expect(buildVariable.set(context.client, app.id, '', '1')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(buildVariable.set(context.client, app.id, 'A', 5 as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(buildVariable.get(context.client, 0, 'A')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(buildVariable.remove(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
    await buildVariable.create(context.client, app.id, 'ONCE', '1');
    const duplicate = await buildVariable.create(context.client, app.id, 'ONCE', '2').catch((error: unknown) => error);
    expect((duplicate as RequestError).status).toBe(409);
  });
});
