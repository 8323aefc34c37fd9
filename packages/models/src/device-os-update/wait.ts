import { type Client, InvalidParameter, OsUpdateFailed, TimeoutError } from '@balena-ts/core';
import { checkObjectArgument } from '../internal/argument-checks.js';
import { type DeviceIdentifier, deviceKey, getDevice } from '../internal/device.js';
import { compareOsVersions, parseOsVersion } from '../internal/os-version.js';

/** Where a host OS update is, as the device reports it. */
export interface OsUpdateProgress {
  /** The device's `status` (`configuring` while the update runs, `Idle` after). */
  readonly status: string | null;
  /** What the update is doing (`provisioning_state`, e.g. `Downloading OS update`). */
  readonly state: string | null;
  /** How far it has got, 0-100 (`provisioning_progress`), null outside an update. */
  readonly percentage: number | null;
  /** The OS version the device runs now. */
  readonly osVersion: string | null;
  /** Whether the device is connected (it goes offline while it reboots). */
  readonly isOnline: boolean;
}

/** Options of {@link waitForOsUpdate}. */
export interface WaitForOsUpdateOptions {
  /** Called whenever the reported progress changes. */
  readonly onProgress?: (progress: OsUpdateProgress) => void;
  /** How often to read the device, in milliseconds; 1 000 by default. */
  readonly pollIntervalMs?: number;
  /** Give up after this long, in milliseconds; 30 minutes by default. */
  readonly timeoutMs?: number;
  /** Stops waiting (the update goes on on the device). */
  readonly signal?: AbortSignal;
}

/** The device once its host OS update is done. */
export interface OsUpdateOutcome {
  /** The OS version it runs, e.g. `balenaOS 6.0.13`. */
  readonly os_version: string;
  /** The target OS release's version. */
  readonly targetVersion: string;
}

interface Row {
  readonly status: string | null;
  readonly provisioning_state: string | null;
  readonly provisioning_progress: number | null;
  readonly os_version: string | null;
  readonly is_connected_to_vpn: boolean;
  readonly should_be_operated_by__release: readonly { readonly raw_version: string }[];
}

const DEFAULT_POLL_INTERVAL_MS = 1000;
const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
// balena's host update scripts report a failure as a state that says so.
const FAILED_STATE = /fail/i;

function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function runs(osVersion: string | null, target: string): boolean {
  if (osVersion === null) return false;
  // The device reports `balenaOS 6.0.13`; the release may carry its variant (`2.88.4+rev2.prod`).
  // Stryker disable next-line Regex: balena writes the variant last, so the anchor changes no version it reports
  const withoutVariant = target.replace(/\.(dev|prod)$/, '');
  return parseOsVersion(osVersion) !== null && compareOsVersions(osVersion, withoutVariant) === 0;
}

function checkWaitOptions(options: WaitForOsUpdateOptions): void {
  checkObjectArgument('options', options, 'expected an object');
  for (const name of ['pollIntervalMs', 'timeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new InvalidParameter(name, value, 'expected a positive number of milliseconds');
    }
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InvalidParameter('onProgress', options.onProgress, 'expected a function');
  }
}

/**
 * Follows a device's host OS update to its end: resolves once the device runs the OS release it
 * should be operated by, reporting each change of its progress on the way.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - `onProgress`, `pollIntervalMs`, `timeoutMs`, `signal`
 * @returns the OS version the device runs and the target version
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument or option, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when the device does not exist
 * @throws {@link @balena-ts/core#OsUpdateFailed} when the device has no target OS release, or reports that the update failed
 * @throws {@link @balena-ts/core#TimeoutError} when the update has not finished within `timeoutMs`
 * @example
 * ```ts
 * await startOsUpdate(client, uuid, '6.0.13');
 * const { os_version } = await waitForOsUpdate(client, uuid, {
 *   onProgress: ({ state, percentage }) => console.log(state, percentage),
 * });
 * ```
 */
export async function waitForOsUpdate(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options: WaitForOsUpdateOptions = {},
): Promise<OsUpdateOutcome> {
  deviceKey(uuidOrId);
  checkWaitOptions(options);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  // Stryker disable next-line StringLiteral: no progress serialises to the first value of `last`, whatever text it holds
  let last = '';
  for (;;) {
    const device = await getDevice<Row>(client, uuidOrId, {
      // Stryker disable next-line ArrayDeclaration: an empty $select reads every field, these among them
      $select: ['status', 'provisioning_state', 'provisioning_progress', 'os_version', 'is_connected_to_vpn'],
      $expand: { should_be_operated_by__release: { $select: 'raw_version' } },
    });
    const target = device.should_be_operated_by__release[0]?.raw_version;
    if (target === undefined) throw new OsUpdateFailed(`The device has no target OS release: ${String(uuidOrId)}`);
    const progress: OsUpdateProgress = {
      status: device.status,
      state: device.provisioning_state,
      percentage: device.provisioning_progress,
      osVersion: device.os_version,
      isOnline: device.is_connected_to_vpn,
    };
    const key = JSON.stringify(progress);
    if (key !== last) {
      last = key;
      options.onProgress?.(progress);
    }
    if (device.provisioning_state && FAILED_STATE.test(device.provisioning_state)) {
      throw new OsUpdateFailed(device.provisioning_state);
    }
    if (runs(device.os_version, target) && device.provisioning_progress === null && device.is_connected_to_vpn) {
      return { os_version: device.os_version as string, targetVersion: target };
    }
    if (Date.now() + pollIntervalMs > deadline) {
      throw new TimeoutError(`The OS update of ${String(uuidOrId)} did not finish within ${timeoutMs} ms`);
    }
    await wait(pollIntervalMs, options.signal);
  }
}
