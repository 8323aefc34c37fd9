/** One row of the hand-written device-type table. */
export interface DeviceTypeEntry {
  slug: string;
  name: string;
  arch: string;
  aliases?: string[];
  family: string;
  /** The support state; default `RELEASED`. A `DISCONTINUED` type's host apps are archived. */
  state?: 'RELEASED' | 'DISCONTINUED' | 'NEW';
}

/** CPU architectures balena knows, in the order their ids are assigned. */
export const CPU_ARCHITECTURES: string[] = ['rpi', 'armv7hf', 'aarch64', 'amd64', 'i386'];

/** Device families and their manufacturers. */
export const DEVICE_FAMILIES: { slug: string; name: string; manufacturer: string }[] = [
  { slug: 'raspberrypi', name: 'Raspberry Pi', manufacturer: 'raspberry-pi-foundation' },
  { slug: 'intel', name: 'Intel NUC', manufacturer: 'intel' },
  { slug: 'generic', name: 'Generic', manufacturer: 'balena' },
  { slug: 'jetson', name: 'NVIDIA Jetson', manufacturer: 'nvidia' },
  { slug: 'beaglebone', name: 'BeagleBone', manufacturer: 'beagleboard' },
  { slug: 'qemu', name: 'QEMU', manufacturer: 'balena' },
];

/** Manufacturers referenced by the families. */
export const DEVICE_MANUFACTURERS: { slug: string; name: string }[] = [
  { slug: 'raspberry-pi-foundation', name: 'Raspberry Pi Foundation' },
  { slug: 'intel', name: 'Intel' },
  { slug: 'balena', name: 'balena' },
  { slug: 'nvidia', name: 'NVIDIA' },
  { slug: 'beagleboard', name: 'BeagleBoard.org' },
];

/**
 * Common real device types (slug, display name, architecture, aliases), written by hand. The first
 * entry gets id 1: raspberrypi4-64, the sandbox's default device type.
 */
export const DEVICE_TYPES: DeviceTypeEntry[] = [
  { slug: 'raspberrypi4-64', name: 'Raspberry Pi 4 (using 64bit OS)', arch: 'aarch64', family: 'raspberrypi' },
  { slug: 'raspberrypi3', name: 'Raspberry Pi 3', arch: 'armv7hf', family: 'raspberrypi' },
  { slug: 'raspberrypi3-64', name: 'Raspberry Pi 3 (using 64bit OS)', arch: 'aarch64', family: 'raspberrypi' },
  { slug: 'raspberrypi5', name: 'Raspberry Pi 5', arch: 'aarch64', family: 'raspberrypi' },
  { slug: 'raspberrypi400-64', name: 'Raspberry Pi 400', arch: 'aarch64', family: 'raspberrypi' },
  { slug: 'raspberrypi0-2w-64', name: 'Raspberry Pi Zero 2 W (64bit)', arch: 'aarch64', family: 'raspberrypi' },
  {
    slug: 'raspberry-pi',
    name: 'Raspberry Pi (v1 / Zero / Zero W)',
    arch: 'rpi',
    aliases: ['raspberrypi'],
    family: 'raspberrypi',
  },
  { slug: 'raspberry-pi2', name: 'Raspberry Pi 2', arch: 'armv7hf', aliases: ['raspberrypi2'], family: 'raspberrypi' },
  { slug: 'fincm3', name: 'Balena Fin (CM3)', arch: 'armv7hf', family: 'raspberrypi' },
  { slug: 'intel-nuc', name: 'Intel NUC', arch: 'amd64', aliases: ['nuc'], family: 'intel' },
  { slug: 'generic-amd64', name: 'Generic x86_64 (GPT)', arch: 'amd64', family: 'generic' },
  { slug: 'generic-aarch64', name: 'Generic AARCH64', arch: 'aarch64', family: 'generic' },
  { slug: 'jetson-nano', name: 'Nvidia Jetson Nano SD-CARD', arch: 'aarch64', family: 'jetson' },
  { slug: 'beaglebone-black', name: 'BeagleBone Black', arch: 'armv7hf', family: 'beaglebone' },
  { slug: 'qemux86-64', name: 'QEMU X86 64bit', arch: 'amd64', family: 'qemu' },
  { slug: 'qemux86', name: 'QEMU X86 32bit', arch: 'i386', family: 'qemu' },
  // balena keeps discontinued device types: fleets can still be made for them (their host apps are archived).
  { slug: 'edge', name: 'Edge Device Builder', arch: 'amd64', family: 'generic', state: 'DISCONTINUED' },
];
