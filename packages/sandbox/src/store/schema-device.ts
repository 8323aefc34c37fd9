import { randomHex } from '../auth/random.js';
import {
  isFirstContact,
  ONLINE_DEACTIVATION_MESSAGE,
  overallProgress,
  overallStatus,
  targetReleaseId,
} from '../domain/device-status.js';
import { checkHostOsRule, checkHostOsTarget } from '../domain/host-os-target.js';
import { randomDeviceName } from '../domain/names.js';
import { checkConfigVariable, checkEnvironmentVariable, checkTag } from '../domain/variable-rules.js';
import { messageError } from '../http/http-error.js';
import { baseFields, columns, keyValueResource, resource, reverseLinks } from './field-builders.js';
import { byField, fleetScoped, INTERNAL, type Owner, via } from './resource-policy.js';
import type { Row } from './row.js';
import type { FieldDefinition, NavigationDefinition, ResourceDefinition } from './schema-types.js';

const base = baseFields;

/** balena's rule (SBVR) on device pins, answered as its text. */
const PINNED_RELEASE_RULE =
  'It is necessary that each release that is pinned to a device, has a status that is equal to "success" and belongs to an application1 that the device belongs to.';

const fleetOfDevice: Owner = byField('belongs_to__application');
// Operators manage a fleet's devices, their tags, variables and installs (balena's fleet member types).
const ofDevice = fleetScoped({
  application: via('device', 'device', fleetOfDevice),
  device: byField('device'),
  writtenBy: 'operator',
});
const deviceParent = (key: string) => ({ field: 'device', resource: 'device', key });
const ownDevice = fleetScoped({ application: fleetOfDevice, device: (row) => row.id, writtenBy: 'operator' });

/** An install on a device of a `target` (service, image), one per device and target, navigable as `target`. */
function install(
  name: string,
  field: string,
  target: string,
  fields: FieldDefinition[],
  navigations: NavigationDefinition[],
): ResourceDefinition {
  return resource({
    name,
    fields: [
      ...base(),
      ...columns(`
        device    -> device cascade required
        ${field}  -> ${target} cascade required
      `),
      ...fields,
    ],
    navigations: [
      { name: target, target, resolve: (row: Row, lookup) => nonEmpty(lookup.get(target, row[field] as number)) },
      ...navigations,
    ],
    unique: [['device', field]],
    policy: ofDevice,
  });
}

/** Devices, their variables, tags and installs. */
export const deviceResources: ResourceDefinition[] = [
  resource({
    name: 'device',
    fields: [
      ...base(),
      ...columns(
        `
        actor                                 -> actor keep readonly
        api_heartbeat_state                   text     default="unknown" readonly
        changed_api_heartbeat_state_on__date  date     readonly
        uuid                                  text     required
        local_id                              text
        device_name                           text     required
        note                                  text
        is_of__device_type                    -> device_type keep required
        belongs_to__application               -> application cascade required
        is_online                             boolean
        last_connectivity_event               date
        is_connected_to_vpn                   boolean
        last_vpn_event                        date
        is_locked_until__date                 date
        public_address                        text
        ip_address                            text
        mac_address                           text
        is_web_accessible                     boolean
        memory_usage                          integer
        memory_total                          integer
        storage_block_device                  text
        storage_usage                         integer
        storage_total                         integer
        cpu_usage                             integer
        cpu_temp                              real
        is_undervolted                        boolean
        cpu_id                                text
        is_running__release                   -> release set-null
        download_progress                     real
        status                                text
        os_version                            text
        os_variant                            text
        overall_status                        text     computed
        overall_progress                      integer  computed
        supervisor_version                    text
        provisioning_progress                 real
        provisioning_state                    text
        api_port                              integer
        api_secret                            text
        is_managed_by__service_instance       -> service_instance set-null
        is_pinned_on__release                 -> release set-null
        should_be_running__release            -> release keep computed
        should_be_operated_by__release        -> release set-null
        should_be_managed_by__release         -> release set-null
        update_status                         text
        last_update_status_event              date
        is_frozen                             boolean  hidden computed
        is_active                             boolean  hidden default=true
        custom_latitude                       text     hidden
        custom_longitude                      text     hidden
        latitude                              text     hidden
        longitude                             text     hidden
        location                              text     hidden
        is_accessible_by_support_until__date  date     hidden
      `,
        {
          overall_status: overallStatus,
          overall_progress: overallProgress,
          should_be_running__release: targetReleaseId,
          is_frozen: () => false,
        },
      ),
    ],
    navigations: reverseLinks(`
        device_tag                   <- device_tag.device
        device_environment_variable  <- device_environment_variable.device
        device_config_variable       <- device_config_variable.device
        image_install                <- image_install.device
        service_install              <- service_install.device
      `),
    unique: [['uuid']],
    alternateKeys: ['uuid'],
    // A device key changes its own device but may not delete it (only users do).
    policy: { ...ownDevice, remove: (access) => (access.caller === 'user' ? ownDevice.write(access) : 'none') },
    hooks: {
      beforeInsert: (_store, row) => {
        if (typeof row.uuid !== 'string' || row.uuid === '') row.uuid = randomHex(32);
        if (typeof row.device_name !== 'string' || row.device_name === '') row.device_name = randomDeviceName();
      },
      beforeUpdate: (store, next, previous, changes) => {
        checkHostOsTarget(store, next, previous);
        // balena stamps a connectivity event whenever a write names `is_online`; balena-cloud
        // activates a device that comes online before it ever reached the API (balena-sdk's tests
        // PATCH `is_online: true` "to reactivate" a registered device).
        if (changes.is_online !== null && changes.is_online !== undefined) {
          next.last_connectivity_event = new Date(store.now()).toISOString();
          if (changes.is_online === true && isFirstContact(previous)) next.is_active = true;
        }
        const online = previous.is_online === true || previous.api_heartbeat_state === 'online';
        if (next.is_active === false && previous.is_active !== false && online) {
          throw messageError(400, ONLINE_DEACTIVATION_MESSAGE);
        }
      },
      rules: (row, store) => {
        checkHostOsRule(row, store);
        const pinned = store.get('release', row.is_pinned_on__release as number);
        if (pinned && (pinned.status !== 'success' || pinned.belongs_to__application !== row.belongs_to__application)) {
          throw messageError(400, PINNED_RELEASE_RULE);
        }
      },
    },
  }),
  keyValueResource('device_tag', deviceParent('tag_key'), ofDevice, checkTag('device')),
  keyValueResource('device_environment_variable', deviceParent('name'), ofDevice, checkEnvironmentVariable),
  keyValueResource('device_config_variable', deviceParent('name'), ofDevice, checkConfigVariable),
  install(
    'service_install',
    'installs__service',
    'service',
    [],
    reverseLinks('device_service_environment_variable <- device_service_environment_variable.service_install'),
  ),
  keyValueResource(
    'device_service_environment_variable',
    { field: 'service_install', resource: 'service_install', key: 'name' },
    fleetScoped({
      application: via('service_install', 'service_install', via('device', 'device', fleetOfDevice)),
      device: via('service_install', 'service_install', byField('device')),
      writtenBy: 'operator',
    }),
    checkEnvironmentVariable,
  ),
  install(
    'image_install',
    'installs__image',
    'image',
    columns(`
      install_date             date
      download_progress        real
      status                   text  default="Downloading"
      is_provided_by__release  -> release set-null
    `),
    [],
  ),
  resource({
    name: 'service_instance',
    fields: [
      ...base(),
      ...columns(`
        service_type    text
        ip_address      text
        last_heartbeat  date
      `),
    ],
    policy: INTERNAL,
  }),
];

function nonEmpty<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
