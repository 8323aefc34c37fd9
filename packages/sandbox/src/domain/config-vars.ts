import { DEVICE_TYPES } from './device-type-table.js';
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

/** Device types whose boot configuration (config.txt) the supervisor manages: the Raspberry Pi family of the table. */
const CONFIG_TXT_DEVICE_TYPES = new Set(
  DEVICE_TYPES.filter((type) => type.family === 'raspberrypi').map((type) => type.slug),
);

const rebooting = (schema: Record<string, unknown>) => ({ ...schema, will_reboot: true });

/** The config.txt settings balena lists for those device types (names, types and defaults as balena's; descriptions ours). */
const CONFIG_TXT_PROPERTIES: Record<string, unknown> = {
  RESIN_HOST_CONFIG_disable_splash: rebooting({
    enum: ['0', '1'],
    description: 'Show no splash image at boot',
    default: '1',
  }),
  RESIN_HOST_CONFIG_dtparam: rebooting({
    type: 'string',
    description: 'Device tree parameters of the default overlay',
    default: '"i2c_arm=on","spi=on","audio=on"',
  }),
  RESIN_HOST_CONFIG_dtoverlay: rebooting({
    type: 'string',
    description: 'Device tree overlays to load',
  }),
  RESIN_HOST_CONFIG_enable_uart: rebooting({ enum: ['0', '1'], description: 'Turn the UART on or off', default: '1' }),
  RESIN_HOST_CONFIG_gpu_mem: rebooting({ type: 'integer', description: 'GPU memory, in megabytes', default: 16 }),
  RESIN_HOST_CONFIG_gpio: rebooting({
    type: 'string',
    description: 'Modes and levels of GPIO pins at boot',
  }),
  BALENA_HOST_CONFIG_hdmi_cvt: rebooting({
    type: 'string',
    description: 'A custom CVT mode for HDMI',
  }),
  BALENA_HOST_CONFIG_hdmi_force_hotplug: rebooting({
    type: 'integer',
    enum: [0, 1],
    description: 'Act as if an HDMI display were plugged in',
    default: 0,
  }),
  BALENA_HOST_CONFIG_hdmi_group: rebooting({ type: 'integer', description: 'HDMI group', default: 0 }),
  BALENA_HOST_CONFIG_hdmi_mode: rebooting({ type: 'integer', description: 'HDMI mode', default: 1 }),
  BALENA_HOST_CONFIG_display_rotate: rebooting({
    type: 'string',
    description: 'Rotation or flip of the display',
    default: '0',
  }),
};

/**
 * `GET /config/vars[?deviceType=<slug or alias>]`: the reserved and allowed variable names and the
 * supervisor settings' schema, plus the settings of that device type (`deviceTypeSlug`, resolved
 * by the caller; balena ignores an unknown one).
 */
export function configVars(deviceTypeSlug?: string): Record<string, unknown> {
  const deviceTypeProperties =
    deviceTypeSlug !== undefined && CONFIG_TXT_DEVICE_TYPES.has(deviceTypeSlug) ? CONFIG_TXT_PROPERTIES : {};
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
        ...deviceTypeProperties,
      },
    },
  };
}
