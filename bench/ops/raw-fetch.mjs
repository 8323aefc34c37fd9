// The operation rows as raw fetch calls: the floor. One request per item, nothing resolved twice.
import { connect, literal } from '../programs/raw-fetch/api.mjs';

const SERVICE_DETAILS_EXPAND =
  'image_install($select=id,download_progress,status,install_date;$filter=status%20ne%20%27deleted%27;' +
  '$expand=installs__image($select=id;$expand=is_a_build_of__service($select=id,service_name)),' +
  'is_provided_by__release($select=id,commit,raw_version;$expand=belongs_to__application($select=slug)))';

/** @param {import('./config.mjs').OperationConfig} config */
export function setup({ apiUrl, email, password }) {
  return connect(apiUrl, email, password);
}

/**
 * A fleet's devices, in the order balena-ts lists them (by name, then id): the same query on both
 * sides, so that the row compares clients rather than the sandbox's sort.
 * @param {number} fleetId
 */
const fleetDevicesPath = (fleetId) =>
  `/v7/device?$filter=belongs_to__application%20eq%20${fleetId}&$orderby=device_name%20asc,id%20asc`;

/** The organizations row's query, in the SDKs' order (also sent by each layer of ops/layers-worker.mjs). */
export const ORGANIZATIONS_PATH =
  '/v7/organization?$select=id,name,handle&$expand=organization_membership($select=id,user,organization_membership_role)' +
  '&$orderby=name%20asc';

/** @type {Record<string, (api: any, config: import('./config.mjs').OperationConfig) => Promise<number>>} */
export const operations = {
  async listOrganizations(api) {
    const { d } = await api('GET', ORGANIZATIONS_PATH);
    return d.reduce((count, organization) => count + organization.organization_membership.length, 0);
  },
  async startOsUpdate(api, { osUpdateUuids, osUpdateTo }) {
    // Each call updates a device of its own (see rows/operations.mjs).
    const osUpdateUuid = osUpdateUuids.shift();
    // The target host OS release of the device's type, then the device pointed at it (what a
    // hand-written program needs at least; it checks neither the device nor the version rules).
    const { d: devices } = await api(
      'GET',
      `/v7/device?$select=id&$filter=uuid%20eq%20${literal(osUpdateUuid)}&$expand=is_of__device_type($select=slug)`,
    );
    const { d: releases } = await api(
      'GET',
      `/v7/release?$select=id&$filter=raw_version%20eq%20${literal(osUpdateTo)}%20and%20` +
        `belongs_to__application/any(a:a/is_host%20eq%20true%20and%20a/is_for__device_type/any(dt:dt/slug%20eq%20` +
        `${literal(devices[0].is_of__device_type[0].slug)}))`,
    );
    await api('PATCH', `/v7/device(${devices[0].id})`, { should_be_operated_by__release: releases[0].id });
    return 1;
  },
  async listOsVersions(api, { deviceType }) {
    // The same query as the SDKs send: the host fleets of the device type with their tags (ESR
    // lines, release policy) and their final, valid, successful releases with theirs (variant,
    // base version). Only the work on the answer differs.
    const releases =
      'owns__release($select=id,known_issue_list,raw_version,variant,phase;' +
      '$expand=release_tag($select=tag_key,value);' +
      '$filter=is_final%20eq%20true%20and%20is_invalidated%20eq%20false%20and%20status%20eq%20%27success%27)';
    const { d } = await api(
      'GET',
      `/v7/application?$select=is_for__device_type&$expand=application_tag($select=tag_key,value),` +
        `is_for__device_type($select=slug),${releases}&$filter=is_host%20eq%20true%20and%20` +
        `is_for__device_type/any(dt:dt/slug%20in%20(${literal(deviceType)}))`,
    );
    return d.reduce((count, host) => count + host.owns__release.length, 0);
  },
  async getDeviceWithServiceDetails(api, { detailUuid }) {
    const { d } = await api(
      'GET',
      `/v7/device?$filter=uuid%20eq%20${literal(detailUuid)}&$expand=${SERVICE_DETAILS_EXPAND}`,
    );
    const services = new Set(
      d[0].image_install.map((install) => install.installs__image[0]?.is_a_build_of__service[0]?.service_name),
    );
    return services.size;
  },
  async listDevices(api, { fleetId }) {
    const { d } = await api('GET', fleetDevicesPath(fleetId));
    return d.length;
  },
  async streamDevicesDiscarding(api, { fleetId }) {
    // Not a row of the table: the memory floor under the listing rows (run.mjs). The same answer
    // as listDevices, read as it arrives and dropped, so that only fetch itself holds memory.
    const response = await api.stream(fleetDevicesPath(fleetId));
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return bytes;
  },
  async renameDevicesConcurrently(api, { writeDeviceIds }) {
    await Promise.all(
      writeDeviceIds.map((id, index) => api('PATCH', `/v7/device(${id})`, { device_name: `raw-all-${index}` })),
    );
    return writeDeviceIds.length;
  },
  async renameDevices(api, { writeDeviceIds }) {
    for (const [index, id] of writeDeviceIds.entries()) {
      await api('PATCH', `/v7/device(${id})`, { device_name: `raw-${index}` });
    }
    return writeDeviceIds.length;
  },
  async setEnvVars(api, { writeDeviceIds, envVarName }) {
    for (const id of writeDeviceIds) {
      try {
        await api('POST', '/v7/device_environment_variable', { device: id, name: envVarName, value: 'on' });
      } catch (error) {
        if (error.status !== 409) throw error;
        await api(
          'PATCH',
          `/v7/device_environment_variable?$filter=device%20eq%20${id}%20and%20name%20eq%20${literal(envVarName)}`,
          { value: 'on' },
        );
      }
    }
    return writeDeviceIds.length;
  },
  async readLogs(api, { logUuid, logCount }) {
    const lines = await api('GET', `/device/v2/${logUuid}/logs?count=${logCount}`);
    return lines.length;
  },
};
