import type { Client } from '@balena-ts/core';
import type { LocalSupervisor, SupervisorOptions } from '../types.js';

// The client is plain data: the supervisor's own choices live beside it, keyed by the client.
const settingsByClient = new WeakMap<Client, SupervisorOptions>();

/**
 * The supervisor settings of a client.
 *
 * @param client - the client
 * @returns its settings; an empty object when none were set
 */
export function settingsOf(client: Client): SupervisorOptions {
  return settingsByClient.get(client) ?? {};
}

/**
 * Merges settings into a client's supervisor settings.
 *
 * @param client - the client
 * @param options - the settings to change
 */
export function updateSettings(client: Client, options: SupervisorOptions): void {
  settingsByClient.set(client, { ...settingsOf(client), ...options });
}

type Environment = Record<string, string | undefined>;

// Browsers have no `process`: read it through globalThis so that nothing breaks there.
function environment(): Environment | undefined {
  return (globalThis as { process?: { env?: Environment } }).process?.env;
}

/**
 * The local supervisor of a client: the configured one, or the one the environment describes.
 *
 * @param client - the client
 * @returns the local supervisor, or undefined when there is none
 */
export function localSupervisorOf(client: Client): LocalSupervisor | undefined {
  const configured = settingsOf(client).localSupervisor;
  if (configured !== undefined) return configured ?? undefined;
  const env = environment();
  const address = env?.BALENA_SUPERVISOR_ADDRESS;
  const apiKey = env?.BALENA_SUPERVISOR_API_KEY;
  if (!address || !apiKey) return undefined;
  // Stryker disable next-line OptionalChaining: env is defined here, since the address came from it
  return { address, apiKey, appId: env?.BALENA_APP_ID || undefined, deviceUuid: env?.BALENA_DEVICE_UUID || undefined };
}
