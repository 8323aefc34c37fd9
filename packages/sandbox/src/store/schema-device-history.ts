import { baseFields, columns, resource } from './field-builders.js';
import { byField, fleetScoped, type ResourcePolicy } from './resource-policy.js';
import type { ResourceDefinition } from './schema-types.js';

const fleetHistory = fleetScoped({ application: byField('belongs_to__application') });

/**
 * Users read the history of the fleets they may reach (the fleet the device was in when the row
 * was written: a device that moves leaves its past rows with its old fleet); nobody writes it,
 * the server records it (see `domain/device-history.ts`).
 */
const HISTORY_POLICY: ResourcePolicy = {
  read: (access, query) => (access.caller === 'user' ? fleetHistory.read(access, query) : 'none'),
  write: () => 'none',
  createdOnlyByTheServer: true,
};

/**
 * `device_history` (balena-cloud; open-balena has none): one row per state of a device, open
 * (`end_timestamp` null) until one of its tracked fields changes; fields as balena-sdk's v7 types
 * list them. The link to the device goes null when the device is deleted, the row stays.
 */
export const deviceHistoryResources: ResourceDefinition[] = [
  resource({
    name: 'device_history',
    fields: [
      ...baseFields(),
      ...columns(`
        end_timestamp                    date
        is_created_by__actor             -> actor set-null
        is_ended_by__actor               -> actor set-null
        tracks__device                   -> device set-null
        tracks__actor                    -> actor set-null
        uuid                             text
        belongs_to__application          -> application cascade
        is_active                        boolean
        is_running__release              -> release set-null
        is_pinned_on__release            -> release set-null
        is_managed_by__service_instance  -> service_instance set-null
        os_version                       text
        os_variant                       text
        supervisor_version               text
        is_of__device_type               -> device_type keep
        cpu_id                           text
        should_be_managed_by__release    -> release set-null
      `),
    ],
    policy: HISTORY_POLICY,
  }),
];
