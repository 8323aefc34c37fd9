// How the suites of this folder call a public function: a plausible valid argument for every
// parameter they are not testing, and one call whose result is consumed (promise, iterator or
// subscription) within a deadline.
import { type Client, createClient, isBalenaError } from '@balena-ts/core';
import type { Sandbox } from '@balena-ts/sandbox';
import { parameterType } from './hostile-values.js';
import type { PublicFunction } from './public-functions.js';

const CALL_DEADLINE_MS = 5_000;
const CLIENT_TIMEOUT_MS = 2_000;
const ITERATOR_WAIT_MS = 300;

/** The rows of the sandbox that valid arguments point at. */
export interface SeededRows {
  readonly fleet: { readonly id: number; readonly slug: string };
  readonly device: { readonly id: number; readonly uuid: string };
}

/**
 * A plausible valid argument for a parameter, so that only one position is hostile at a time.
 *
 * @param name - the parameter name
 * @param client - the client to pass as `client`
 * @param rows - the seeded rows
 * @returns the argument
 */
export function validArgument(name: string, client: Client, rows: SeededRows): unknown {
  const lower = name.toLowerCase();
  const type = parameterType(name);
  if (lower === 'client') return client;
  if (type === 'callback') return () => {};
  if (type === 'object') return undefined;
  if (type === 'number') return 1;
  if (type === 'list') return [rows.device.id];
  if (/app|fleet|slugoruuidorid/.test(lower)) return rows.fleet.id;
  if (type === 'identifier') return rows.device.uuid;
  if (/value/.test(lower)) return 'v';
  return 'BAD_INPUT_KEY';
}

/** How one call ended. */
export type Outcome =
  | { kind: 'result' }
  | { kind: 'typed error'; error: unknown }
  | { kind: 'failure'; reason: string };

/** Calls once and consumes what comes back: promises, lists, iterators and subscriptions. */
async function callOnce(fn: PublicFunction['fn'], args: unknown[]): Promise<Outcome> {
  try {
    let result = fn(...args);
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') result = await result;
    else if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      // A live stream may wait for ever for its next item: one item, or a short wait, is enough.
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          iterator.next(),
          new Promise((resolve) => {
            timer = setTimeout(resolve, ITERATOR_WAIT_MS);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        // Not awaited: an async generator runs `return()` only after its pending `next()` settles.
        iterator.return?.()?.catch(() => undefined);
      }
    }
    (result as { unsubscribe?: () => void } | undefined)?.unsubscribe?.();
    return { kind: 'result' };
  } catch (error) {
    if (isBalenaError(error)) return { kind: 'typed error', error };
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'failure', reason: `threw a non-BalenaError: ${text.slice(0, 160)}` };
  }
}

/**
 * Calls a function once and consumes its result, giving up after a deadline.
 *
 * @param fn - the function
 * @param args - its arguments
 * @returns how the call ended
 */
export async function callWithinDeadline(fn: PublicFunction['fn'], args: unknown[]): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'failure', reason: `still pending after ${CALL_DEADLINE_MS} ms` }),
      CALL_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([callOnce(fn, args), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Seeds the rows valid arguments point at: a fleet with a release and three devices.
 *
 * @param sandbox - the running sandbox
 * @returns the fleet and its first device
 */
export async function seedRows(sandbox: Sandbox): Promise<SeededRows> {
  const fleet = await sandbox.seedApplication({ name: 'bad-input', deviceType: 'raspberrypi4-64' });
  await sandbox.seedRelease({ application: fleet.id, services: ['main'] });
  const [device] = (await sandbox.seedDevices({ application: fleet.id, count: 3, namePrefix: 'bad' })) as [
    { id: number; uuid: string },
  ];
  return { fleet, device };
}

/**
 * A superuser client of the sandbox that records the URL of every request it sends, and never retries.
 *
 * @param sandbox - the running sandbox
 * @param sentUrls - where the URLs go
 * @returns the client
 */
export async function recordingClient(sandbox: Sandbox, sentUrls: string[]): Promise<Client> {
  const recordingFetch: typeof fetch = (input, init) => {
    sentUrls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, init);
  };
  const client = createClient({ apiUrl: sandbox.url, timeout: CLIENT_TIMEOUT_MS, retry: 0, fetch: recordingFetch });
  await client.tokens.set(sandbox.superuser.token);
  return client;
}
