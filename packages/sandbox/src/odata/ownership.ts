import type { Row } from '../store/row.js';
import type { RowLookup } from '../store/schema-types.js';

type Owner = (row: Row, lookup: RowLookup) => number | undefined;

function via(parentResource: string, field: string, parentOwner: () => Owner): Owner {
  return (row, lookup) => {
    const parent = lookup.get(parentResource, row[field] as number);
    return parent ? parentOwner()(parent, lookup) : undefined;
  };
}

const application: Owner = (row) => row.id;
const byApplicationField: Owner = (row) => row.application as number;
const device: Owner = (row) => row.belongs_to__application as number;
const release: Owner = (row) => row.belongs_to__application as number;
const service: Owner = byApplicationField;

/**
 * For each fleet-scoped resource, the application a row belongs to: permissions follow it
 * (a user may touch a row when they may touch its application).
 */
export const APPLICATION_OF: Readonly<Record<string, Owner>> = {
  application,
  device,
  release,
  service,
  application_tag: byApplicationField,
  application_environment_variable: byApplicationField,
  application_config_variable: byApplicationField,
  build_environment_variable: byApplicationField,
  device_tag: via('device', 'device', () => device),
  device_environment_variable: via('device', 'device', () => device),
  device_config_variable: via('device', 'device', () => device),
  service_install: via('device', 'device', () => device),
  image_install: via('device', 'device', () => device),
  device_service_environment_variable: via('service_install', 'service_install', () =>
    via('device', 'device', () => device),
  ),
  release_tag: via('release', 'release', () => release),
  service_environment_variable: via('service', 'service', () => service),
  image: via('service', 'is_a_build_of__service', () => service),
  image__is_part_of__release: via('release', 'is_part_of__release', () => release),
};

/** For resources below a device, the device a row belongs to (device keys see only their own). */
export const DEVICE_OF: Readonly<Record<string, Owner>> = {
  device: (row) => row.id,
  device_tag: (row) => row.device as number,
  device_environment_variable: (row) => row.device as number,
  device_config_variable: (row) => row.device as number,
  service_install: (row) => row.device as number,
  image_install: (row) => row.device as number,
  device_service_environment_variable: via('service_install', 'service_install', () => (row) => row.device as number),
};

/** Public to everyone, the guest included. */
export const CATALOGUE: ReadonlySet<string> = new Set([
  'device_type',
  'device_type_alias',
  'cpu_architecture',
  'device_family',
  'device_manufacturer',
  'application_type',
  'organization_membership_role',
]);
