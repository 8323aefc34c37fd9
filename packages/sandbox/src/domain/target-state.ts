import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';
import { targetReleaseId } from './device-status.js';

const DEFAULT_POLL_INTERVAL_MS = '600000';

function variables(store: Store, resource: string, field: string, id: number): Record<string, string> {
  return Object.fromEntries(
    store.referencing(resource, field, id).map((row) => [row.name as string, row.value as string]),
  );
}

/** Fleet config vars overridden by device config vars, with balena's default poll interval. */
function deviceConfig(store: Store, device: Row): Record<string, string> {
  return {
    RESIN_SUPERVISOR_POLL_INTERVAL: DEFAULT_POLL_INTERVAL_MS,
    ...variables(store, 'application_config_variable', 'application', device.belongs_to__application as number),
    ...variables(store, 'device_config_variable', 'device', device.id),
  };
}

function services(store: Store, device: Row, release: Row): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const fleetEnvironment = variables(
    store,
    'application_environment_variable',
    'application',
    device.belongs_to__application as number,
  );
  const deviceEnvironment = variables(store, 'device_environment_variable', 'device', device.id);
  for (const releaseImage of store.referencing('image__is_part_of__release', 'is_part_of__release', release.id)) {
    const image = store.get('image', releaseImage.image as number);
    const service = image ? store.get('service', image.is_a_build_of__service as number) : undefined;
    if (!image || !service) continue;
    const serviceEnvironment = variables(store, 'service_environment_variable', 'service', service.id);
    const install = store
      .referencing('service_install', 'device', device.id)
      .find((candidate) => candidate.installs__service === service.id);
    const deviceServiceEnvironment = install
      ? variables(store, 'device_service_environment_variable', 'service_install', install.id)
      : {};
    result[service.service_name as string] = {
      id: service.id,
      image_id: image.id,
      image: image.is_stored_at__image_location,
      environment: { ...fleetEnvironment, ...serviceEnvironment, ...deviceEnvironment, ...deviceServiceEnvironment },
      labels: {},
    };
  }
  return result;
}

/** `GET /device/v3/:uuid/state`: keyed by device uuid, apps keyed by fleet uuid. */
export function targetStateV3(store: Store, device: Row): Record<string, unknown> {
  const application = store.get('application', device.belongs_to__application as number)!;
  const app: Record<string, unknown> = {
    id: application.id,
    name: application.app_name,
    is_host: application.is_host === true,
    class: application.is_of__class,
  };
  const releaseId = targetReleaseId(device, store);
  const release = releaseId === null ? undefined : store.get('release', releaseId);
  if (release) {
    app.releases = { [release.commit as string]: { id: release.id, services: services(store, device, release) } };
  }
  return {
    [device.uuid as string]: {
      name: device.device_name,
      apps: { [application.uuid as string]: app },
      config: deviceConfig(store, device),
    },
  };
}

/** `GET /device/v2/:uuid/state`: the older shape, apps keyed by fleet id. */
export function targetStateV2(store: Store, device: Row): Record<string, unknown> {
  const application = store.get('application', device.belongs_to__application as number)!;
  const releaseId = targetReleaseId(device, store);
  const release = releaseId === null ? undefined : store.get('release', releaseId);
  return {
    local: {
      name: device.device_name,
      config: deviceConfig(store, device),
      apps: {
        [application.id]: {
          name: application.app_name,
          commit: release?.commit ?? null,
          releaseId: release?.id ?? null,
          services: release ? services(store, device, release) : {},
          volumes: {},
          networks: {},
        },
      },
    },
    dependent: { apps: {}, devices: {} },
  };
}
