// One contract, run against all nine key/value resources (six kinds of variables, three of tags):
// they share one implementation, so they share one suite.
import {
  ApplicationNotFound,
  type Client,
  DeviceNotFound,
  InvalidParameter,
  ReleaseNotFound,
  RequestError,
  ServiceNotFound,
} from '@balena-ts/core';
import * as applicationConfigVariable from '@balena-ts/models/application-config-variable';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as releaseTag from '@balena-ts/models/release-tag';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContext, type TestContext, uniqueName } from './helpers/sandbox.js';

let context: TestContext;
let applicationId: number;
let applicationSlug: string;
let devices: { id: number; uuid: string }[];
let release: { id: number; commit: string; services: { id: number; name: string }[] };
let rawVersion = '';

const MISSING_ID = 987_654_321;
// Quotes of both kinds (OData escapes '), a backslash, percent signs and '&' (URL syntax), unicode
// outside the BMP, and enough length to need a real request body.
const HOSTILE_VALUE = `O'Brien said "hi" \\ 100% & ok=1 #x ü 🚀 ${'λ'.repeat(10_000)}`.slice(0, 10_000);

type Row = { id: number; value: string } & Record<string, unknown>;
type Parent = unknown;

/** What the suite needs to know about one resource. */
interface KindCase {
  readonly label: string;
  readonly keyField: 'name' | 'tag_key';
  readonly key: string;
  readonly otherKey: string;
  readonly badKeys: readonly (readonly [string, RegExp])[];
  readonly rejectsLineBreaks: boolean;
  /** The parent in every accepted form, a missing one with its error, and a malformed one. */
  parents(): { forms: Parent[]; missing: Parent; missingError: new (...args: never[]) => Error; malformed: Parent };
  set(client: Client, parent: Parent, key: string, value: string): Promise<void>;
  get(client: Client, parent: Parent, key: string): Promise<string | undefined>;
  list(client: Client, parent: Parent): Promise<Row[]>;
  removeByKey(client: Client, parent: Parent, key: string): Promise<void>;
  create?(client: Client, parent: Parent, key: string, value: string): Promise<Row>;
  update?(client: Client, id: number | string, value: string): Promise<void>;
  removeById?(client: Client, id: number | string): Promise<void>;
  /** Lists the rows of every parent under an application (devices, services, releases). */
  listByApplication?(client: Client, application: number | string): Promise<Row[]>;
  /** Lists every row the caller can read. */
  listEverything?(client: Client): Promise<Row[]>;
}

const ENVIRONMENT_BAD_NAMES = [
  ['', /empty/],
  ['1ST', /cannot start with a digit/],
  ['HAS SPACE', /letters, digits and underscores/],
  ['DASH-ED', /letters, digits and underscores/],
  ['BALENA', /reserved names/],
  ['USER', /reserved names/],
  ['BALENA_THING', /reserved for config variables/],
  ['RESIN_THING', /reserved for config variables/],
] as const;
const CONFIG_BAD_NAMES = [
  ['', /empty/],
  ['MODE', /must start with RESIN_ or BALENA_/],
  [':BALENA_X', /cannot start with a digit or a colon/],
  ['BALENA_A-B', /letters, digits, underscores and colons/],
  ['RESIN', /reserved names/],
] as const;
const TAG_BAD_KEYS = [
  ['', /empty/],
  ['has space', /whitespace/],
  ['tab\tkey', /whitespace/],
  ['io.balena.internal', /reserved/],
  ['io.resin.internal', /reserved/],
] as const;

type Module<P> = {
  set(client: Client, parent: P, key: string, value: string): Promise<void>;
  get(client: Client, parent: P, key: string): Promise<string | undefined>;
  remove(client: Client, parent: P, key: string): Promise<void>;
};

function kindOf<P>(
  module: Module<P> & { create?: unknown; update?: unknown },
  list: (client: Client, parent: P) => Promise<unknown[]>,
  settings: Omit<KindCase, 'set' | 'get' | 'list' | 'removeByKey' | 'create' | 'update' | 'removeById'>,
): KindCase {
  const seedStyle = module as unknown as {
    create?: (client: Client, parent: P, key: string, value: string) => Promise<Row>;
    update?: (client: Client, id: number | string, value: string) => Promise<void>;
    remove: (client: Client, id: number | string) => Promise<void>;
  };
  return {
    ...settings,
    set: (client, parent, key, value) => module.set(client, parent as P, key, value),
    get: (client, parent, key) => module.get(client, parent as P, key),
    list: (client, parent) => list(client, parent as P) as Promise<Row[]>,
    removeByKey: (client, parent, key) => module.remove(client, parent as P, key),
    ...(seedStyle.create
      ? {
          create: (client: Client, parent: Parent, key: string, value: string) =>
            seedStyle.create!(client, parent as P, key, value),
          update: seedStyle.update,
          removeById: (client: Client, id: number | string) => seedStyle.remove(client, id),
        }
      : {}),
  };
}

const deviceParents = () => ({
  forms: [devices[0]!.id, devices[0]!.uuid],
  missing: MISSING_ID,
  missingError: DeviceNotFound,
  malformed: 'abc123',
});
const applicationParents = () => ({
  forms: [applicationId, applicationSlug],
  missing: MISSING_ID,
  missingError: ApplicationNotFound,
  malformed: '',
});

const variable = { keyField: 'name', key: 'MODE', otherKey: 'A_SECOND', rejectsLineBreaks: true } as const;
const configVariable = { ...variable, key: 'BALENA_MODE', otherKey: 'BALENA_A_SECOND', badKeys: CONFIG_BAD_NAMES };
const tag = {
  keyField: 'tag_key',
  key: 'location',
  otherKey: 'a.second',
  rejectsLineBreaks: false,
  badKeys: TAG_BAD_KEYS,
} as const;

const KINDS: KindCase[] = [
  kindOf(deviceEnvVariable, deviceEnvVariable.getAll, {
    label: 'device-env-variable',
    ...variable,
    badKeys: ENVIRONMENT_BAD_NAMES,
    parents: deviceParents,
  }),
  kindOf(deviceConfigVariable, deviceConfigVariable.getAll, {
    label: 'device-config-variable',
    ...configVariable,
    parents: deviceParents,
  }),
  kindOf(applicationEnvVariable, applicationEnvVariable.getAll, {
    label: 'application-env-variable',
    ...variable,
    badKeys: ENVIRONMENT_BAD_NAMES,
    parents: applicationParents,
  }),
  kindOf(applicationConfigVariable, applicationConfigVariable.getAll, {
    label: 'application-config-variable',
    ...configVariable,
    parents: applicationParents,
  }),
  {
    ...kindOf(serviceEnvVariable, serviceEnvVariable.getAllByService, {
      label: 'service-env-variable',
      ...variable,
      badKeys: ENVIRONMENT_BAD_NAMES,
      parents: () => ({
        forms: [release.services[0]!.id, { application: applicationSlug, service_name: 'main' }],
        missing: MISSING_ID,
        missingError: ServiceNotFound,
        malformed: { application: applicationId },
      }),
    }),
    // The seed's create names the service by application and service name (the first form is `main`).
    create: (client, _parent, key, value) =>
      serviceEnvVariable.create(client, applicationId, 'main', key, value) as unknown as Promise<Row>,
  },
  {
    ...kindOf(
      {
        set: (client, parent: [number | string, string | number], key, value) =>
          deviceServiceEnvVariable.set(client, parent[0], parent[1], key, value),
        get: (client, parent: [number | string, string | number], key) =>
          deviceServiceEnvVariable.get(client, parent[0], parent[1], key),
        remove: (client, parent: [number | string, string | number], key) =>
          deviceServiceEnvVariable.remove(client, parent[0], parent[1], key),
      },
      (client, parent) => deviceServiceEnvVariable.getAll(client, parent[0]),
      {
        label: 'device-service-env-variable',
        ...variable,
        badKeys: ENVIRONMENT_BAD_NAMES,
        parents: () => ({
          forms: [
            [devices[0]!.uuid, 'main'],
            [devices[0]!.id, release.services[0]!.id],
          ],
          missing: [MISSING_ID, 'main'],
          missingError: DeviceNotFound,
          malformed: ['abc123', 'main'],
        }),
      },
    ),
    create: (client, parent, key, value) => {
      const [device, service] = parent as [number | string, string | number];
      return deviceServiceEnvVariable.create(client, device, service, key, value) as unknown as Promise<Row>;
    },
    update: deviceServiceEnvVariable.update,
    removeById: (client, id) => deviceServiceEnvVariable.remove(client, id),
  },
  kindOf(deviceTag, deviceTag.getAllByDevice, { label: 'device-tag', ...tag, parents: deviceParents }),
  kindOf(applicationTag, applicationTag.getAllByApplication, {
    label: 'application-tag',
    ...tag,
    parents: applicationParents,
  }),
  kindOf(releaseTag, releaseTag.getAllByRelease, {
    label: 'release-tag',
    ...tag,
    parents: () => ({
      forms: [release.id, release.commit, { application: applicationId, rawVersion: '0.0.0' }],
      missing: MISSING_ID,
      missingError: ReleaseNotFound,
      malformed: '',
    }),
  }),
];

const BY_APPLICATION: Record<string, KindCase['listByApplication']> = {
  'device-env-variable': deviceEnvVariable.getAllByApplication,
  'device-config-variable': deviceConfigVariable.getAllByApplication,
  'application-env-variable': applicationEnvVariable.getAllByApplication,
  'application-config-variable': applicationConfigVariable.getAllByApplication,
  'service-env-variable': serviceEnvVariable.getAllByApplication,
  'device-service-env-variable': deviceServiceEnvVariable.getAllByApplication,
  'device-tag': deviceTag.getAllByApplication,
  'application-tag': applicationTag.getAllByApplication,
  'release-tag': releaseTag.getAllByApplication,
} as unknown as Record<string, KindCase['listByApplication']>;
const EVERYTHING: Record<string, KindCase['listEverything']> = {
  'device-tag': deviceTag.getAll,
  'application-tag': applicationTag.getAll,
  'release-tag': releaseTag.getAll,
} as unknown as Record<string, KindCase['listEverything']>;

beforeAll(async () => {
  context = await startTestContext();
  const seeded = await context.sandbox.seedApplication({ name: uniqueName('kinds') });
  applicationId = seeded.id;
  applicationSlug = seeded.slug;
  devices = await context.sandbox.seedDevices({ application: applicationId, count: 2 });
  release = await context.sandbox.seedRelease({ application: applicationId, services: ['main', 'worker'] });
  // The API creates the service installs of every device and service of the fleet (as balena does).
  const [row] = await context.client.pine.get<{ raw_version: string }>({
    resource: 'release',
    options: { $select: 'raw_version', $filter: { id: release.id } },
  });
  rawVersion = row?.raw_version ?? '';
});

afterAll(async () => {
  await context?.sandbox.close();
});

function requestsDuring<T>(work: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  context.recorder.reset();
  return work().then((result) => ({
    result,
    requests: context.recorder.requests.map(
      (request) => `${request.method} ${request.url.replace(context.sandbox.url, '')}`,
    ),
  }));
}

describe.each(KINDS)('$label', (kind) => {
  const parentsOf = () => {
    const parents = kind.parents();
    // The release pair needs the release's raw version, known only once the sandbox runs.
    return {
      ...parents,
      forms: parents.forms.map((form) =>
        typeof form === 'object' && form !== null && 'rawVersion' in form ? { ...form, rawVersion } : form,
      ),
    };
  };

  it('set creates, get reads, set again overwrites, and the list shows one row per key, by key', async () => {
    const [parent] = parentsOf().forms;
    await kind.set(context.client, parent, kind.key, 'first');
    expect(await kind.get(context.client, parent, kind.key)).toBe('first');
    const { requests } = await requestsDuring(() => kind.set(context.client, parent, kind.key, 'second'));
    // An upsert: the POST meets the unique constraint, then the PATCH updates the row in place.
    expect(requests.filter((request) => request.startsWith('POST'))).toHaveLength(1);
    expect(requests.filter((request) => request.startsWith('PATCH'))).toHaveLength(1);
    await kind.set(context.client, parent, kind.otherKey, 'other');
    const rows = await kind.list(context.client, parent);
    const keys = rows.map((row) => row[kind.keyField] as string);
    expect(keys).toEqual([kind.otherKey, kind.key].sort());
    expect(rows.find((row) => row[kind.keyField] === kind.key)?.value).toBe('second');
    await kind.removeByKey(context.client, parent, kind.otherKey);
    await kind.removeByKey(context.client, parent, kind.key);
  });

  it("overwriting one key leaves the parent's other keys as they were", async () => {
    const [parent] = parentsOf().forms;
    await kind.set(context.client, parent, kind.key, 'first');
    await kind.set(context.client, parent, kind.otherKey, 'untouched');
    // The overwrite is the upsert's PATCH: filtered by the parent alone, it would rewrite both rows.
    await kind.set(context.client, parent, kind.key, 'second');
    const values = Object.fromEntries(
      (await kind.list(context.client, parent)).map((row) => [row[kind.keyField] as string, row.value]),
    );
    expect(values).toEqual({ [kind.key]: 'second', [kind.otherKey]: 'untouched' });
    await kind.removeByKey(context.client, parent, kind.key);
    expect(await kind.get(context.client, parent, kind.otherKey)).toBe('untouched');
    await kind.removeByKey(context.client, parent, kind.otherKey);
  });

  it('accepts the parent in every form', async () => {
    const { forms } = parentsOf();
    for (const [index, parent] of forms.entries()) {
      await kind.set(context.client, parent, kind.key, `via form ${index}`);
      for (const reader of forms) expect(await kind.get(context.client, reader, kind.key)).toBe(`via form ${index}`);
      expect((await kind.list(context.client, parent)).map((row) => row.value)).toEqual([`via form ${index}`]);
    }
    await kind.removeByKey(context.client, forms.at(-1), kind.key);
    expect(await kind.get(context.client, forms[0], kind.key)).toBeUndefined();
  });

  it('round-trips quotes, unicode and 10,000 characters exactly', async () => {
    const [parent] = parentsOf().forms;
    expect(HOSTILE_VALUE).toHaveLength(10_000);
    await kind.set(context.client, parent, kind.key, HOSTILE_VALUE);
    expect(await kind.get(context.client, parent, kind.key)).toBe(HOSTILE_VALUE);
    const [row] = await kind.list(context.client, parent);
    expect(row?.value).toBe(HOSTILE_VALUE);
    await kind.set(context.client, parent, kind.key, `${HOSTILE_VALUE.slice(0, 9_999)}'`);
    expect(await kind.get(context.client, parent, kind.key)).toBe(`${HOSTILE_VALUE.slice(0, 9_999)}'`);
    await kind.removeByKey(context.client, parent, kind.key);
  });

  it('rejects each bad key with an InvalidParameter naming the rule, before any request', async () => {
    const [parent] = parentsOf().forms;
    for (const [badKey, rule] of kind.badKeys) {
      const { result } = await requestsDuring(() =>
        kind.set(context.client, parent, badKey, 'x').then(
          () => undefined,
          (error: unknown) => error,
        ),
      );
      expect(result, badKey).toBeInstanceOf(InvalidParameter);
      expect((result as Error).message).toMatch(rule);
      expect(context.recorder.requests, badKey).toHaveLength(0);
    }
  });

  it(
    kind.rejectsLineBreaks ? 'rejects line breaks in values before any request' : 'keeps line breaks in values',
    async () => {
      const [parent] = parentsOf().forms;
      for (const value of ['a\nb', 'a\r\nb']) {
        if (kind.rejectsLineBreaks) {
          const { result } = await requestsDuring(() =>
            kind.set(context.client, parent, kind.key, value).catch((error: unknown) => error),
          );
          expect(result).toBeInstanceOf(InvalidParameter);
          expect((result as Error).message).toMatch(/line breaks/);
          expect(context.recorder.requests).toHaveLength(0);
        } else {
          await kind.set(context.client, parent, kind.key, value);
          expect(await kind.get(context.client, parent, kind.key)).toBe(value);
        }
      }
      await kind.removeByKey(context.client, parent, kind.key);
    },
  );

  it('reports a missing parent with its NotFound error on set, get and list', async () => {
    const { missing, missingError } = parentsOf();
    await expect(kind.set(context.client, missing, kind.key, 'x')).rejects.toBeInstanceOf(missingError);
    await expect(kind.get(context.client, missing, kind.key)).rejects.toBeInstanceOf(missingError);
    await expect(kind.list(context.client, missing)).rejects.toBeInstanceOf(missingError);
  });

  it('rejects a malformed parent and an empty key with InvalidParameter, before any request', async () => {
    const { malformed, forms } = parentsOf();
    const attempts = [
      () => kind.set(context.client, malformed, kind.key, 'x'),
      () => kind.get(context.client, malformed, kind.key),
      () => kind.list(context.client, malformed),
      () => kind.removeByKey(context.client, malformed, kind.key),
      () => kind.get(context.client, forms[0], ''),
      () => kind.removeByKey(context.client, forms[0], ''),
    ];
    for (const attempt of attempts) {
      const { result } = await requestsDuring(() => attempt().catch((error: unknown) => error));
      expect(result).toBeInstanceOf(InvalidParameter);
      expect(context.recorder.requests).toHaveLength(0);
    }
  });

  it('lists by application: the rows of this application only, by key; a missing application is ApplicationNotFound', async () => {
    const listByApplication = BY_APPLICATION[kind.label]!;
    const [parent] = parentsOf().forms;
    await kind.set(context.client, parent, kind.key, 'in this application');
    const other = await context.sandbox.seedApplication({ name: uniqueName('other') });
    for (const application of [applicationId, applicationSlug]) {
      const rows = await listByApplication(context.client, application);
      expect(rows.map((row) => [row[kind.keyField], row.value])).toEqual([[kind.key, 'in this application']]);
    }
    expect(await listByApplication(context.client, other.id)).toEqual([]);
    await expect(listByApplication(context.client, MISSING_ID)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(listByApplication(context.client, 'nobody/nothing')).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(listByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await kind.removeByKey(context.client, parent, kind.key);
  });

  it.runIf(EVERYTHING[kind.label] !== undefined)(
    'getAll lists every readable row, by key, and merges options',
    async () => {
      const listEverything = EVERYTHING[kind.label]!;
      const [parent] = parentsOf().forms;
      await kind.set(context.client, parent, 'zz.last', '1');
      await kind.set(context.client, parent, 'aa.first', '2');
      const keys = (await listEverything(context.client)).map((row) => row.tag_key as string);
      expect(keys).toEqual([...keys].sort());
      expect(keys).toEqual(expect.arrayContaining(['aa.first', 'zz.last']));
      const filtered = await (listEverything as unknown as typeof deviceTag.getAll)(context.client, {
        $select: ['tag_key', 'value'],
        $filter: { tag_key: 'zz.last' },
      });
      expect(filtered).toEqual([{ tag_key: 'zz.last', value: '1' }]);
      await kind.removeByKey(context.client, parent, 'zz.last');
      await kind.removeByKey(context.client, parent, 'aa.first');
    },
  );

  it('removing a key that does not exist is not an error', async () => {
    const [parent] = parentsOf().forms;
    await kind.removeByKey(context.client, parent, 'NEVER_SET');
    expect(await kind.get(context.client, parent, 'NEVER_SET')).toBeUndefined();
  });

  it.runIf(kind.create !== undefined)(
    'seed style: create returns the row with its id, update(id) and remove(id) follow',
    async () => {
      const [parent] = parentsOf().forms;
      const created = await kind.create!(context.client, parent, kind.key, 'seeded');
      expect(created.id).toBeGreaterThan(0);
      expect(created[kind.keyField]).toBe(kind.key);
      expect(created.value).toBe('seeded');
      const duplicate = await kind.create!(context.client, parent, kind.key, 'again').catch((error: unknown) => error);
      expect(duplicate).toBeInstanceOf(RequestError);
      expect((duplicate as RequestError).status).toBe(409);
      await kind.update!(context.client, created.id, 'updated');
      expect(await kind.get(context.client, parent, kind.key)).toBe('updated');
      await kind.update!(context.client, String(created.id), 'updated as the seed did, id as text');
      expect(await kind.get(context.client, parent, kind.key)).toBe('updated as the seed did, id as text');
      await expect(kind.update!(context.client, created.id, 'bad\nvalue')).rejects.toBeInstanceOf(InvalidParameter);
      for (const badId of [0, -1, 1.5, 'abc', '']) {
        await expect(kind.update!(context.client, badId, 'x')).rejects.toBeInstanceOf(InvalidParameter);
        await expect(kind.removeById!(context.client, badId)).rejects.toBeInstanceOf(InvalidParameter);
      }
      await kind.removeById!(context.client, created.id);
      expect(await kind.get(context.client, parent, kind.key)).toBeUndefined();
    },
  );
});
