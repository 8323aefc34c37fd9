import { type Client, createClient } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll } from 'vitest';

/** One recorded request of a {@link RecordingFetch}. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
}

/** A fetch that records what it sends, for request-count assertions. */
export interface RecordingFetch {
  readonly fetch: typeof fetch;
  readonly requests: RecordedRequest[];
  reset(): void;
}

export function recordingFetch(): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const recorder: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    requests.push({ method: request.method, url: decodeURIComponent(request.url) });
    return fetch(input, init);
  };
  return {
    fetch: recorder,
    requests,
    reset() {
      requests.length = 0;
    },
  };
}

export interface TestContext {
  readonly sandbox: Sandbox;
  readonly client: Client;
  readonly recorder: RecordingFetch;
}

/** Starts a sandbox and a client logged in as its superuser, recording requests. */
export async function startTestContext(options: { requestBatchSize?: number } = {}): Promise<TestContext> {
  const sandbox = await startSandbox({ port: 0 });
  const recorder = recordingFetch();
  const client = createClient({
    apiUrl: sandbox.url,
    fetch: recorder.fetch,
    retry: false,
    requestBatchSize: options.requestBatchSize ?? 1000,
  });
  await client.tokens.set(sandbox.superuser.token);
  return { sandbox, client, recorder };
}

/**
 * Starts a sandbox before the file's tests and closes it after them. The returned object reads
 * through to the running context, so tests write `context.client` as with {@link startTestContext}.
 */
export function useTestContext(options: { requestBatchSize?: number } = {}): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await startTestContext(options);
  });
  afterAll(async () => {
    await current?.sandbox.close();
  });
  const running = (): TestContext => {
    if (current === undefined) throw new Error('The sandbox is only running inside tests');
    return current;
  };
  return {
    get sandbox() {
      return running().sandbox;
    },
    get client() {
      return running().client;
    },
    get recorder() {
      return running().recorder;
    },
  };
}

/**
 * Seeds an application of its own with `count` devices.
 *
 * @param context - the running test context
 * @param count - how many devices
 * @param deviceType - the application's device type slug (sandbox default otherwise)
 * @param fields - extra fields set on every device
 * @returns the application and its devices
 */
export async function seedFleet(
  context: TestContext,
  count: number,
  deviceType?: string,
  fields?: Record<string, unknown>,
): Promise<{ app: { id: number; slug: string; uuid: string }; devices: { id: number; uuid: string }[] }> {
  const app = await context.sandbox.seedApplication({ name: uniqueName('fleet'), deviceType });
  const devices = await context.sandbox.seedDevices({ application: app.id, count, fields });
  return { app, devices };
}

let counter = 0;
/** A name no other test in this process uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
