// The operation rows driven through the official SDK, one SDK call per item, in sequence.
import { getSdk } from 'balena-sdk';

/** @param {import('./config.mjs').OperationConfig} config */
export async function setup({ apiUrl, email, password }) {
  const sdk = getSdk({ apiUrl: `${apiUrl}/`, dataDirectory: false });
  await sdk.auth.login({ email, password });
  return sdk;
}

/** @type {Record<string, (sdk: any, config: import('./config.mjs').OperationConfig) => Promise<number>>} */
export const operations = {
  async listOrganizations(sdk) {
    const organizations = await sdk.models.organization.getAll({
      $select: ['id', 'name', 'handle'],
      $expand: { organization_membership: { $select: ['id', 'user', 'organization_membership_role'] } },
    });
    return organizations.reduce((count, organization) => count + organization.organization_membership.length, 0);
  },
  async startOsUpdate(sdk, { osUpdateUuids, osUpdateTo }) {
    // Each call updates a device of its own (see rows/operations.mjs).
    const osUpdateUuid = osUpdateUuids.shift();
    const result = await sdk.models.device.startOsUpdate(osUpdateUuid, osUpdateTo).catch((error) => {
      // After its checks (device, device type, OS versions), balena-sdk 23 posts the update to
      // balena's device actions server, https://actions.<deviceUrlsBase>/v2/<uuid>/resinhup: a
      // service apart from the API, on HTTPS, that the sandbox does not stand in for.
      throw new Error(
        `balena-sdk 23 sends the update to balena's device actions server (https://actions.<deviceUrlsBase>), which the sandbox does not serve: ${error.message}`,
      );
    });
    return result?.status === 'triggered' ? 1 : 0;
  },
  async listOsVersions(sdk, { deviceType }) {
    // balena-sdk keeps OS versions in a cache for a while; the row times the request and the work
    // on its answer (the warm runs would otherwise time a cache hit), so the cache is emptied first.
    sdk.models.os._clearDeviceTypesAndOsVersionCaches?.();
    const versions = await sdk.models.os.getAvailableOsVersions(deviceType);
    return versions.length;
  },
  async getDeviceWithServiceDetails(sdk, { detailUuid }) {
    const device = await sdk.models.device.getWithServiceDetails(detailUuid);
    // current_services_by_app: { [app slug]: { [service name]: installs[] } }
    return Object.values(device.current_services_by_app).reduce(
      (count, services) => count + Object.keys(services).length,
      0,
    );
  },
  async listDevices(sdk, { fleetId }) {
    const devices = await sdk.models.device.getAllByApplication(fleetId);
    return devices.length;
  },
  async renameDevicesConcurrently(sdk, { writeDeviceIds }) {
    await Promise.all(writeDeviceIds.map((id, index) => sdk.models.device.rename(id, `official-all-${index}`)));
    return writeDeviceIds.length;
  },
  async renameDevices(sdk, { writeDeviceIds }) {
    for (const [index, id] of writeDeviceIds.entries()) {
      await sdk.models.device.rename(id, `official-${index}`);
    }
    return writeDeviceIds.length;
  },
  async setEnvVars(sdk, { writeDeviceIds, envVarName }) {
    for (const id of writeDeviceIds) {
      await sdk.models.device.envVar.set(id, envVarName, 'on');
    }
    return writeDeviceIds.length;
  },
  async readLogs(sdk, { logUuid, logCount }) {
    const lines = await sdk.logs.history(logUuid, { count: logCount });
    return lines.length;
  },
};
