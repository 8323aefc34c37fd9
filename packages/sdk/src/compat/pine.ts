import { type Client, InvalidParameter, type ODataOptions, type PineClient, type ResourceId } from '@balena-ts/core';
import { toBalenaSdkError } from './errors.js';

/** pinejs-client's parameters as compat's `pine` extras take them. */
export interface CompatPineParams {
  /** The resource, e.g. `'device'`. */
  resource: string;
  /** An id, or an object of natural-key fields (`getOrCreate` needs the latter). */
  id?: ResourceId | Record<string, unknown>;
  /** OData options; `{ '@': 'name' }` anywhere in them is a parameter alias for `prepare`. */
  options?: ODataOptions;
  /** The body of a POST or PATCH. */
  body?: Record<string, unknown>;
  /** `'GET'` (default), `'POST'`, `'PATCH'` or `'DELETE'`, for `prepare`. */
  method?: string;
  /** Milliseconds between polls, for `subscribe`; default 10000 as pinejs-client's. */
  pollInterval?: number;
}

/** What pinejs-client's `subscribe` returns: a poll that starts at once and repeats. */
export interface CompatPoll {
  /** Calls `fn` with each poll's result (`'data'`) or failure (`'error'`); returns a handle to stop listening. */
  on(name: 'data' | 'error', fn: (value: unknown) => void): { unsubscribe: () => void };
  /** Polls again (after {@link CompatPoll.stop}). */
  start(): void;
  /** Stops polling. */
  stop(): void;
  /** Stops polling and forgets every listener. */
  destroy(): void;
  /** Changes the interval from the next poll on. */
  setPollInterval(intervalTime: number): void;
}

/** compat's `pine`: core's pine functions plus pinejs-client's `getOrCreate`, `prepare` and `subscribe`. */
export type CompatPine = PineClient & {
  getOrCreate(params: CompatPineParams): Promise<unknown>;
  prepare(
    params: CompatPineParams,
  ): (
    parameterAliases?: Record<string, unknown>,
    body?: Record<string, unknown>,
    passthrough?: unknown,
  ) => Promise<unknown>;
  subscribe(params: CompatPineParams): CompatPoll;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Replaces each `{ '@': 'name' }` by the alias's value (what the server would read from `@name`). */
function substitute(value: unknown, aliases: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => substitute(item, aliases));
  if (!isPlainObject(value)) return value;
  if ('@' in value) {
    const name = value['@'];
    if (typeof name !== 'string' || !Object.hasOwn(aliases, name)) throw new InvalidParameter('parameterAliases', name);
    return aliases[name];
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, aliases)]));
}

async function sdkErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toBalenaSdkError(error);
  }
}

function checkParams(params: unknown): asserts params is CompatPineParams {
  if (!isPlainObject(params) || typeof params.resource !== 'string' || params.resource === '')
    throw toBalenaSdkError(new InvalidParameter('params', params));
}

/**
 * Runs one pinejs-client request on core's pine.
 */
async function run(pine: PineClient, params: CompatPineParams): Promise<unknown> {
  const { resource, options, body } = params;
  const id = params.id as ResourceId | undefined;
  const method = (params.method ?? 'GET').toUpperCase();
  switch (method) {
    case 'GET':
      return id === undefined
        ? pine.get({ resource, ...(options === undefined ? {} : { options }) })
        : pine.get({ resource, id, ...(options === undefined ? {} : { options }) });
    case 'POST':
      return pine.post({ resource, body: body ?? {} });
    case 'PATCH':
      return pine.patch({
        resource,
        body: body ?? {},
        ...(id === undefined ? {} : { id }),
        ...(options === undefined ? {} : { options }),
      });
    case 'DELETE':
      return pine.delete({
        resource,
        ...(id === undefined ? {} : { id }),
        ...(options === undefined ? {} : { options }),
      });
    default:
      throw new InvalidParameter('method', params.method);
  }
}

/**
 * compat's `pine` for a client: core's `client.pine` functions, and pinejs-client's
 * `getOrCreate` (get by natural key, else post the key and body), `prepare` (a request whose
 * `{ '@': 'name' }` placeholders take values per call) and `subscribe` (poll a get every
 * `pollInterval`), each on core's pine.
 *
 * @param client - the client
 * @returns the pine object
 * @example
 * ```ts
 * const pine = compatPine(client);
 * const tag = await pine.getOrCreate({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } });
 * ```
 */
export function compatPine(client: Client): CompatPine {
  const core = client.pine;
  return Object.freeze({
    get: core.get.bind(core),
    count: core.count.bind(core),
    post: core.post.bind(core),
    patch: core.patch.bind(core),
    delete: core.delete.bind(core),
    upsert: core.upsert.bind(core),
    getOrCreate(params: CompatPineParams): Promise<unknown> {
      return sdkErrors(async () => {
        checkParams(params);
        const { id, body, resource, options } = params;
        if (resource.endsWith('/$count')) throw new InvalidParameter('resource', resource);
        if (!isPlainObject(body)) throw new InvalidParameter('body', body);
        if (!isPlainObject(id) || Object.keys(id).length === 0) throw new InvalidParameter('id', id);
        // The natural key as a filter (the same row as `resource(key=value,...)`, which not every
        // resource serves by alternate key).
        const filter = options?.$filter === undefined ? id : { $and: [options.$filter, id] };
        const [found] = await core.get<unknown>({
          resource,
          options: { ...options, $filter: filter as NonNullable<ODataOptions['$filter']>, $top: 1 },
        });
        return found ?? (await core.post({ resource, body: { ...id, ...body } }));
      });
    },
    prepare(params: CompatPineParams) {
      checkParams(params);
      const base = { ...params };
      return (parameterAliases?: Record<string, unknown>, body?: Record<string, unknown>, _passthrough?: unknown) =>
        sdkErrors(() => {
          const aliases = parameterAliases ?? {};
          const prepared: CompatPineParams = {
            ...base,
            ...(base.id === undefined ? {} : { id: substitute(base.id, aliases) as ResourceId }),
            ...(base.options === undefined ? {} : { options: substitute(base.options, aliases) as ODataOptions }),
          };
          if (body !== undefined || base.body !== undefined) prepared.body = { ...base.body, ...body };
          return run(core, prepared);
        });
    },
    subscribe(params: CompatPineParams): CompatPoll {
      checkParams(params);
      const { pollInterval, ...request } = params;
      return createPoll(() => sdkErrors(() => run(core, { ...request, method: 'GET' })), pollInterval);
    },
  });
}

/** pinejs-client's `Poll`: runs at once, then `intervalTime` after each answer; every answer is emitted. */
function createPoll(requestFn: () => Promise<unknown>, intervalTime = 10_000): CompatPoll {
  const subscribers: Record<'data' | 'error', Array<((value: unknown) => void) | undefined>> = { data: [], error: [] };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  const restartTimeout = (): void => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void runRequest(), intervalTime);
  };
  const emit = (name: 'data' | 'error', value: unknown): void => {
    for (const fn of subscribers[name]) {
      try {
        fn?.(value);
      } catch (error) {
        console.error(`pinejs-client error: Caught error in ${name} event subscription:`, error);
      }
    }
  };
  const runRequest = async (): Promise<void> => {
    if (stopped || destroyed) return;
    try {
      const response = await requestFn();
      if (stopped) return;
      restartTimeout();
      emit('data', response);
    } catch (error) {
      if (stopped) return;
      restartTimeout();
      emit('error', error);
    }
  };
  const poll: CompatPoll = {
    on(name, fn) {
      const list = subscribers[name];
      const index = list.push(fn) - 1;
      return {
        unsubscribe: () => {
          list[index] = undefined;
        },
      };
    },
    start() {
      stopped = false;
      void runRequest();
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      stopped = true;
    },
    destroy() {
      poll.stop();
      destroyed = true;
      subscribers.data.length = 0;
      subscribers.error.length = 0;
    },
    setPollInterval(next) {
      intervalTime = next;
      restartTimeout();
    },
  };
  poll.start();
  return poll;
}
