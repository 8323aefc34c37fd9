// The operation rows through balena-ts, written the way its README tells a user to do each task:
// one call per item where every item differs (rename: one name per device), the bulk function
// where the SDK offers one (setForDevices: one variable on many devices), and the async iterator
// for large lists (rows are counted as they arrive, never held all at once).
import { login } from '@balena-ts/auth';
import { createClient } from '@balena-ts/core';
import { history } from '@balena-ts/logs';
import { getWithServiceDetails, rename, streamAllByApplication } from '@balena-ts/models/device';
import { setForDevices } from '@balena-ts/models/device-env-variable';
import { startOsUpdate } from '@balena-ts/models/device-os-update';
import { getAll as getAllOrganizations } from '@balena-ts/models/organization';
import { getAvailableOsVersions } from '@balena-ts/models/os';

/** @param {import('./config.mjs').OperationConfig} config */
export async function setup({ apiUrl, email, password }) {
  const client = createClient({ apiUrl });
  await login(client, { username: email, password });
  return client;
}

/** The organizations row's options (also given by the pine and model layers of ops/layers-worker.mjs). */
export const ORGANIZATION_OPTIONS = {
  $select: ['id', 'name', 'handle'],
  $expand: { organization_membership: { $select: ['id', 'user', 'organization_membership_role'] } },
};

/** @type {Record<string, (client: any, config: import('./config.mjs').OperationConfig) => Promise<number>>} */
export const operations = {
  async listOrganizations(client) {
    const organizations = await getAllOrganizations(client, ORGANIZATION_OPTIONS);
    return organizations.reduce((count, organization) => count + organization.organization_membership.length, 0);
  },
  async startOsUpdate(client, { osUpdateUuids, osUpdateTo }) {
    // Each call updates a device of its own (see rows/operations.mjs).
    const osUpdateUuid = osUpdateUuids.shift();
    const result = await startOsUpdate(client, osUpdateUuid, osUpdateTo);
    return result.status === 'triggered' ? 1 : 0;
  },
  async listOsVersions(client, { deviceType }) {
    const versions = await getAvailableOsVersions(client, deviceType);
    return versions.length;
  },
  async getDeviceWithServiceDetails(client, { detailUuid }) {
    const device = await getWithServiceDetails(client, detailUuid);
    return Object.values(device.current_services).length;
  },
  async listDevices(client, { fleetId }) {
    let count = 0;
    for await (const _device of streamAllByApplication(client, fleetId)) count++;
    return count;
  },
  async renameDevicesConcurrently(client, { writeDeviceIds }) {
    // All at once, as `Promise.all` over a list: the existence checks share their requests.
    await Promise.all(writeDeviceIds.map((id, index) => rename(client, id, `balena-ts-all-${index}`)));
    return writeDeviceIds.length;
  },
  async renameDevices(client, { writeDeviceIds }) {
    for (const [index, id] of writeDeviceIds.entries()) {
      await rename(client, id, `balena-ts-${index}`);
    }
    return writeDeviceIds.length;
  },
  async setEnvVars(client, { writeDeviceIds, envVarName }) {
    await setForDevices(client, writeDeviceIds, envVarName, 'on');
    return writeDeviceIds.length;
  },
  async readLogs(client, { logUuid, logCount }) {
    // Imported with the others above: loading @balena-ts/logs inside the timed region was most of
    // this row's time in earlier runs (the official SDK's modules are loaded before 'go' too).
    const lines = await history(client, logUuid, logCount);
    return lines.length;
  },
};
