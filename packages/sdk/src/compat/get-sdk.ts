import { type ClientOptions, createClient, createMemoryStorage } from '@balena-ts/core';
import { PLATFORM } from '#platform';
import { errors } from './errors.js';
import { type Interceptor, interceptorHooks } from './interceptors.js';
import { bindCompat, type CompatOf } from './machinery.js';
import { describeCompat } from './table.js';

/** balena-sdk 23's `getSdk` options; those balena-ts has no use for are accepted and ignored. */
export interface SdkOptions {
  /** The API's URL; default `https://api.balena-cloud.com/`. */
  apiUrl?: string;
  /** Accepted and ignored: balena-ts has no builder functions. */
  builderUrl?: string;
  /** The dashboard's URL, for `getDashboardUrl`. */
  dashboardUrl?: string;
  /** Where settings and the session token live (Node); `false` keeps them in memory. */
  dataDirectory?: string | false;
  /** Accepted and ignored: the `browser` export condition picks settings-browser. */
  isBrowser?: boolean;
  /** Logs each request. */
  debug?: boolean;
  /** The base domain of device public URLs. */
  deviceUrlsBase?: string;
  /** Accepted and ignored: balena-ts does not throttle on the client side. */
  requestLimit?: number;
  /** Accepted and ignored (see `requestLimit`). */
  requestLimitInterval?: number;
  /** Accepted: balena-ts always retries 429 answers after `Retry-After`, within its retry count. */
  retryRateLimitedRequests?: boolean | ((retryAttempt: number) => number);
  /** An API key to authenticate with. */
  apiKey?: string;
  /** How many ids go in one request's filter. */
  requestBatchingChunkSize?: number;
}

/** The compat tree's descriptor (see {@link describeCompat}). */
export type BalenaCompatDescriptor = ReturnType<typeof describeCompat>;

/** What `getSdk()` returns: balena-sdk 23's tree over balena-ts's modules. */
export type BalenaSdkCompat = CompatOf<BalenaCompatDescriptor> & {
  /** balena-sdk's error classes (see {@link errors}). */
  readonly errors: typeof errors;
  /** balena-ts's version. */
  readonly version: string;
  /** balena-sdk's interceptors, run on core's request hooks (see {@link Interceptor}); assignable. */
  interceptors: Interceptor[];
};

/** The package version, sent with nothing; kept for balena-sdk's `sdk.version`. */
const VERSION = '0.0.0';

function toClientOptions(options: SdkOptions): ClientOptions {
  const client: ClientOptions = {};
  if (options.apiUrl !== undefined) client.apiUrl = options.apiUrl;
  if (options.apiKey !== undefined) client.apiKey = options.apiKey;
  if (options.dashboardUrl !== undefined) client.dashboardUrl = options.dashboardUrl;
  if (options.deviceUrlsBase !== undefined) client.deviceUrlsBase = options.deviceUrlsBase;
  if (options.debug !== undefined) client.debug = options.debug;
  if (options.requestBatchingChunkSize !== undefined) client.requestBatchSize = options.requestBatchingChunkSize;
  if (typeof options.dataDirectory === 'string') client.dataDirectory = options.dataDirectory;
  if (options.dataDirectory === false) client.storage = createMemoryStorage();
  return client;
}

/**
 * balena-sdk 23's `getSdk(options)` over balena-ts: the same tree (`models.device.envVar.set`,
 * `auth.twoFactor`, `logs`, `settings`, `pine`, `errors`...), each function the balena-ts module
 * function with this instance's client, errors given balena-sdk's names and codes.
 *
 * @param options - balena-sdk's options
 * @returns the tree
 * @throws {@link @balena-ts/core#InvalidOption} when an option or a setting is invalid
 * @example
 * ```ts
 * import { getSdk } from '@balena-ts/sdk/compat';
 * const balena = getSdk({ apiUrl: 'https://api.balena-cloud.com/', dataDirectory: '/tmp/balena' });
 * await balena.auth.loginWithToken(process.env.BALENA_TOKEN!);
 * const devices = await balena.models.device.getAllByApplication('myorg/myfleet');
 * ```
 */
export function getSdk(options: SdkOptions = {}): BalenaSdkCompat {
  let interceptors: Interceptor[] = [];
  const client = createClient({
    ...PLATFORM.resolveClientOptions(toClientOptions(options)),
    hooks: interceptorHooks(() => interceptors),
  });
  const sdk = { ...bindCompat(client, describeCompat(PLATFORM.settings)), errors, version: VERSION };
  Object.defineProperty(sdk, 'interceptors', {
    enumerable: true,
    get: () => interceptors,
    set: (value: Interceptor[]) => {
      interceptors = value;
    },
  });
  return Object.freeze(sdk) as BalenaSdkCompat;
}

let sharedOptions: SdkOptions | undefined;

/**
 * balena-sdk's `setSharedOptions`: options that {@link fromSharedOptions} builds an SDK from.
 *
 * @param options - balena-sdk's options
 * @example
 * ```ts
 * setSharedOptions({ apiUrl: 'https://api.balena-cloud.com/' });
 * const balena = fromSharedOptions();
 * ```
 */
export function setSharedOptions(options: SdkOptions): void {
  sharedOptions = { ...options };
}

/**
 * balena-sdk's `fromSharedOptions`: an SDK from the options given to {@link setSharedOptions}.
 *
 * @returns the tree
 * @throws {@link @balena-ts/core#InvalidOption} when an option or a setting is invalid
 * @example
 * ```ts
 * const balena = fromSharedOptions();
 * ```
 */
export function fromSharedOptions(): BalenaSdkCompat {
  return getSdk(sharedOptions);
}
