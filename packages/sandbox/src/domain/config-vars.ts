import { RESERVED_NAMES, RESERVED_NAMESPACES } from './variable-rules.js';

const SUPERVISOR_SETTINGS = [
  'APP_RESTART_POLICY',
  'APP_RESTART_RETRIES',
  'DEPENDENT_DEVICES_HOOK_ADDRESS',
  'OVERRIDE_LOCK',
  'SUPERVISOR_CONNECTIVITY_CHECK',
  'SUPERVISOR_DELTA',
  'SUPERVISOR_DELTA_APPLY_TIMEOUT',
  'SUPERVISOR_DELTA_REQUEST_TIMEOUT',
  'SUPERVISOR_DELTA_RETRY_COUNT',
  'SUPERVISOR_DELTA_RETRY_INTERVAL',
  'SUPERVISOR_DELTA_VERSION',
  'SUPERVISOR_INSTANT_UPDATE_TRIGGER',
  'SUPERVISOR_LOCAL_MODE',
  'SUPERVISOR_LOG_CONTROL',
  'SUPERVISOR_PERSISTENT_LOGGING',
  'SUPERVISOR_POLL_INTERVAL',
  'SUPERVISOR_VPN_CONTROL',
  'SUPERVISOR_HARDWARE_METRICS',
  'HOST_SPLASH_IMAGE',
  'SUPERVISOR_UPDATE_STRATEGY',
];
const BLOCKED_SETTINGS = [
  'RESTART',
  'DEVICE_RESTART',
  'SUPERVISOR_OVERRIDE_LOCK',
  'SUPERVISOR_NATIVE_LOGGER',
  'HOST_LOG_TO_DISPLAY',
];

const onOff = (description: string, fallback: 'true' | 'false') => ({
  enum: ['false', 'true'],
  description,
  default: fallback,
});

/** `GET /config/vars`: the reserved and allowed variable names and the supervisor settings' schema. */
export function configVars(): Record<string, unknown> {
  return {
    reservedNames: RESERVED_NAMES,
    reservedNamespaces: RESERVED_NAMESPACES,
    invalidRegex: '/^\\d|\\W/',
    configVarInvalidRegex: '/^[\\d:]|[^A-Za-z0-9_:]/',
    whiteListedNames: SUPERVISOR_SETTINGS.map((name) => `RESIN_${name}`)
      .sort()
      .concat(SUPERVISOR_SETTINGS.map((name) => `BALENA_${name}`).sort()),
    whiteListedNamespaces: ['RESIN_HOST_', 'RESIN_UI_', 'BALENA_HOST_', 'BALENA_UI_'],
    blackListedNames: BLOCKED_SETTINGS.map((name) => `RESIN_${name}`).concat(
      BLOCKED_SETTINGS.map((name) => `BALENA_${name}`),
    ),
    configVarSchema: {
      type: 'object',
      $schema: 'http://json-schema.org/draft-06/schema#',
      properties: {
        RESIN_SUPERVISOR_CONNECTIVITY_CHECK: onOff('Turn the connectivity check on or off', 'true'),
        RESIN_SUPERVISOR_LOG_CONTROL: onOff('Send logs to the API, or not', 'true'),
        RESIN_SUPERVISOR_POLL_INTERVAL: {
          type: 'integer',
          description: 'How often the device asks the API for its target state, in milliseconds',
          default: 600000,
          minimum: 600000,
          maximum: 86400000,
        },
        RESIN_SUPERVISOR_VPN_CONTROL: onOff('Turn the VPN (cloudlink) on or off', 'true'),
        RESIN_SUPERVISOR_PERSISTENT_LOGGING: { ...onOff('Keep logs across reboots', 'false'), will_reboot: true },
        RESIN_SUPERVISOR_INSTANT_UPDATE_TRIGGER: onOff(
          'Apply pushed releases at once rather than at the next poll',
          'true',
        ),
        RESIN_OVERRIDE_LOCK: {
          type: 'integer',
          enum: [0, 1],
          description: 'Ignore update locks held by services',
          default: 0,
        },
        BALENA_HOST_SPLASH_IMAGE: {
          type: 'string',
          format: 'data-url',
          description: 'A PNG shown while the device boots',
          maxLength: 13400,
          will_reboot: true,
          pattern: '^data:image/png;(?:name=(.*);)?base64,(.*)$',
        },
        BALENA_SUPERVISOR_HARDWARE_METRICS: onOff('Report CPU, memory and storage metrics', 'true'),
      },
    },
  };
}
