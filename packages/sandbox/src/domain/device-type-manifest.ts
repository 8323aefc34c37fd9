import type { Store } from '../store/store.js';
import { DEVICE_TYPES } from './device-type-table.js';

/** The device-type.json document of a device type (the legacy `/device-types/v1` manifests). */
export function deviceTypeManifest(store: Store, slug: string): Record<string, unknown> | undefined {
  const deviceType = store.findUnique('device_type', ['slug'], [slug]);
  if (!deviceType) return undefined;
  const architecture = store.get('cpu_architecture', deviceType.is_of__cpu_architecture as number);
  const aliases = store
    .referencing('device_type_alias', 'device_type', deviceType.id)
    .map((alias) => alias.is_referenced_by__alias);
  const host = store
    .referencing('application', 'is_for__device_type', deviceType.id)
    .find((application) => application.is_host === true);
  const latest = host
    ? store
        .referencing('release', 'belongs_to__application', host.id)
        .filter((release) => release.is_final === true && release.status === 'success')
        .at(-1)
    : undefined;
  const version = latest ? `${latest.semver_major}.${latest.semver_minor}.${latest.semver_patch}` : '0.0.0';
  return {
    slug,
    version: 1,
    name: deviceType.name,
    arch: architecture?.slug,
    aliases,
    state: DEVICE_TYPES.find((entry) => entry.slug === slug)?.state ?? 'RELEASED',
    private: deviceType.is_private === true,
    instructions: ['Write the OS image to an SD card.', 'Insert the SD card into the device.', 'Power the device on.'],
    yocto: {
      machine: slug,
      image: 'balena-image',
      fstype: 'balenaos-img',
      deployArtifact: `balena-image-${slug}.balenaos-img`,
      compressed: true,
    },
    configuration: { config: { partition: { primary: 1 }, path: '/config.json' } },
    options: [
      {
        isGroup: true,
        name: 'network',
        message: 'Network',
        options: [
          { message: 'Network Connection', name: 'network', type: 'list', choices: ['ethernet', 'wifi'] },
          { message: 'Wifi SSID', name: 'wifiSsid', type: 'text', when: { network: 'wifi' } },
          { message: 'Wifi Passphrase', name: 'wifiKey', type: 'password', when: { network: 'wifi' } },
        ],
      },
      {
        isGroup: true,
        isCollapsible: true,
        collapsed: true,
        name: 'advanced',
        message: 'Advanced',
        options: [
          {
            message: 'Check for updates every X minutes',
            name: 'appUpdatePollInterval',
            type: 'number',
            min: 10,
            default: 10,
          },
        ],
      },
    ],
    // What the CLI asks before it writes an image (device-type.json `initialization`).
    initialization: {
      options: [{ message: 'Select a drive', type: 'drive', name: 'drive' }],
      operations: [{ command: 'burn' }],
    },
    generatedBy: 'balena-sandbox',
    buildId: `${version}+rev1`,
  };
}
