import type { DeviceTypeEntry } from './device-type-table.js';

/**
 * Device-type contracts (`device_type.contract`) in balena's contract shape (`hw.device-type`:
 * `data.media.defaultBoot`/`altBoot`, `data.flashProtocol`, `data.connectivity`, and install
 * `partials` with Handlebars templates that balena-sdk's `deviceType.getInstructions` fills in).
 * Written for the sandbox by hand, per family of boards: the facts are balena's field names and how
 * each board boots, the wording is ours.
 */

interface Hardware {
  media: { defaultBoot: string; altBoot?: string[] };
  flashProtocol?: string;
  wifi: boolean;
  bluetooth: boolean;
  partials: Record<string, string[]>;
}

const POWER_UP = ['Power up the {{name}}'];

/** Boards that boot from an SD card: write the card, put it in, power up. */
const SD_CARD_BOARD: Hardware = {
  media: { defaultBoot: 'sdcard' },
  wifi: true,
  bluetooth: true,
  partials: { bootDevice: POWER_UP },
};

/** Compute modules flashed over USB (RPIBOOT): their eMMC is written from a computer. */
const COMPUTE_MODULE: Hardware = {
  media: { defaultBoot: 'internal' },
  flashProtocol: 'RPIBOOT',
  wifi: true,
  bluetooth: true,
  partials: {
    connectDevice: [
      'With the power off, connect the {{name}} to your computer with a micro-USB cable; its eMMC shows up as a drive.',
    ],
    disconnectDevice: ['Unplug the micro-USB cable from the {{name}}.'],
    bootDevice: POWER_UP,
  },
};

/** x86 machines: a USB key installs balenaOS on the internal disk, then the machine boots from it. */
const USB_INSTALLED_MACHINE: Hardware = {
  media: { defaultBoot: 'internal', altBoot: ['usb_mass_storage'] },
  wifi: true,
  bluetooth: true,
  partials: {
    bootDeviceExternal: [
      'Power up the {{name}} with the USB key in, set to boot from USB (see its firmware settings).',
    ],
    flashIndicator: ['the machine has switched itself off'],
    bootDeviceInternal: ['Set the {{name}} to boot from its internal disk again if you changed it.'],
    bootDevice: POWER_UP,
  },
};

/** Boards that hold the OS on eMMC, written from a flasher SD card. */
const SD_FLASHED_BOARD: Hardware = {
  media: { defaultBoot: 'internal', altBoot: ['sdcard'] },
  wifi: false,
  bluetooth: false,
  partials: {
    bootDeviceExternal: ['Hold the boot button of the {{name}} while you power it up, and let go once its LEDs flash.'],
    flashIndicator: ['all of its LEDs are off'],
    bootDeviceInternal: [],
    bootDevice: POWER_UP,
  },
};

/** Virtual machines and generic images: the image file is the disk. */
const DISK_IMAGE: Hardware = {
  media: { defaultBoot: 'image' },
  wifi: false,
  bluetooth: false,
  partials: {
    instructions: ['Use the {{name}} image file you downloaded as the boot disk of the machine, then start it.'],
    bootDevice: ['Start the {{name}}'],
  },
};

const HARDWARE_BY_FAMILY: Readonly<Record<string, Hardware>> = {
  raspberrypi: SD_CARD_BOARD,
  jetson: SD_CARD_BOARD,
  intel: USB_INSTALLED_MACHINE,
  beaglebone: SD_FLASHED_BOARD,
  qemu: DISK_IMAGE,
};

const HARDWARE_BY_SLUG: Readonly<Record<string, Hardware>> = {
  fincm3: COMPUTE_MODULE,
  'generic-amd64': USB_INSTALLED_MACHINE,
  'generic-aarch64': DISK_IMAGE,
};

/**
 * The contract of one device type of the table.
 *
 * @param entry - the table's row
 * @returns the contract stored in `device_type.contract`
 */
export function deviceTypeContract(entry: DeviceTypeEntry): Record<string, unknown> {
  const hardware = HARDWARE_BY_SLUG[entry.slug] ?? HARDWARE_BY_FAMILY[entry.family] ?? DISK_IMAGE;
  return {
    slug: entry.slug,
    version: '1',
    type: 'hw.device-type',
    aliases: entry.aliases ?? [],
    name: entry.name,
    data: {
      arch: entry.arch,
      hdmi: hardware.media.defaultBoot !== 'image',
      led: hardware.media.defaultBoot !== 'image',
      connectivity: { bluetooth: hardware.bluetooth, wifi: hardware.wifi },
      storage: { internal: hardware.media.defaultBoot === 'internal' },
      media: hardware.media,
      ...(hardware.flashProtocol ? { flashProtocol: hardware.flashProtocol } : {}),
      is_private: false,
    },
    partials: hardware.partials,
  };
}
