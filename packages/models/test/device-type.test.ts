import { InvalidDeviceType, InvalidParameter, NotSupported } from '@balena-ts/core';
import * as deviceType from '@balena-ts/models/device-type';
import { describe, expect, it } from 'vitest';
import { useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const RPI4 = 'Raspberry Pi 4 (using 64bit OS)';

async function expectNoRequest(calls: (() => Promise<unknown>)[], error: new (...args: never[]) => Error) {
  context.recorder.reset();
  for (const call of calls) await expect(call()).rejects.toBeInstanceOf(error);
  expect(context.recorder.requests).toHaveLength(0);
}

describe('deviceType.get and the lists', () => {
  it('gets a device type by id, slug or alias, narrowing with $select', async () => {
    const bySlug = await deviceType.get(context.client, 'raspberrypi4-64');
    expect(bySlug.name).toBe(RPI4);
    const byId = await deviceType.get(context.client, bySlug.id, { $select: ['slug', 'name'] });
    expect(byId).toEqual({ slug: 'raspberrypi4-64', name: RPI4 });
    expect((await deviceType.get(context.client, 'raspberrypi', { $select: 'slug' })).slug).toBe('raspberry-pi');
    expect((await deviceType.get(context.client, 'nuc', { $select: 'slug' })).slug).toBe('intel-nuc');
  });

  it('raises InvalidDeviceType for an unknown one, InvalidParameter for a malformed argument', async () => {
    await expect(deviceType.get(context.client, 'no-such-board')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(deviceType.get(context.client, 987_654)).rejects.toBeInstanceOf(InvalidDeviceType);
    // A display name is not a slug or alias.
    await expect(deviceType.get(context.client, RPI4)).rejects.toBeInstanceOf(InvalidDeviceType);
    await expectNoRequest(
      ['', '  ', 0, -1, 1.5, Number.NaN, null, {}].map(
        (value) => () => deviceType.get(context.client, value as string),
      ),
      InvalidParameter,
    );
  });

  it('lists every device type by name, and the supported ones', async () => {
    const all = await deviceType.getAll(context.client, { $select: ['slug', 'name'] });
    expect(all.length).toBe(17);
    expect(all.map((row) => row.name)).toEqual([...all.map((row) => row.name)].sort());
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['name', 'slug']);
    const supported = await deviceType.getAllSupported(context.client, { $select: 'slug' });
    // A discontinued device type (its host app archived) is not supported.
    expect(all.map((row) => row.slug)).toContain('edge');
    expect(supported.map((row) => row.slug).sort()).toEqual(
      all
        .map((row) => row.slug)
        .filter((slug) => slug !== 'edge')
        .sort(),
    );
    const filtered = await deviceType.getAllSupported(context.client, {
      $select: 'slug',
      $filter: { slug: { $startswith: 'generic' } },
    });
    expect(filtered.map((row) => row.slug)).toEqual(['generic-aarch64', 'generic-amd64']);
    await expectNoRequest([() => deviceType.getAll(context.client, { $nope: 1 } as never)], InvalidParameter);
  });
});

describe('deviceType names and slugs', () => {
  it('finds a device type by slug or by name', async () => {
    expect((await deviceType.getBySlugOrName(context.client, 'raspberrypi3', { $select: 'name' })).name).toBe(
      'Raspberry Pi 3',
    );
    expect((await deviceType.getBySlugOrName(context.client, 'Raspberry Pi 3', { $select: 'slug' })).slug).toBe(
      'raspberrypi3',
    );
    expect(await deviceType.getName(context.client, 'intel-nuc')).toBe('Intel NUC');
    expect(await deviceType.getSlugByName(context.client, RPI4)).toBe('raspberrypi4-64');
  });

  it('raises InvalidDeviceType and InvalidParameter', async () => {
    for (const call of [deviceType.getBySlugOrName, deviceType.getName, deviceType.getSlugByName]) {
      await expect(call(context.client, 'Commodore 64')).rejects.toBeInstanceOf(InvalidDeviceType);
      await expectNoRequest(
        ['', ' ', 3, null].map((value) => () => call(context.client, value as string)),
        InvalidParameter,
      );
    }
  });
});

describe('deviceType contracts and install instructions', () => {
  it('tells the install method from the contract', async () => {
    const methods = Object.fromEntries(
      await Promise.all(
        ['raspberrypi4-64', 'fincm3', 'intel-nuc', 'beaglebone-black', 'qemux86-64'].map(
          async (slug) => [slug, await deviceType.getInstallMethod(context.client, slug)] as const,
        ),
      ),
    );
    expect(methods).toEqual({
      'raspberrypi4-64': 'externalBoot',
      fincm3: 'internalFlash',
      'intel-nuc': 'externalFlash',
      'beaglebone-black': 'externalFlash',
      'qemux86-64': 'image',
    });
  });

  it('renders the partials of a device type against its own contract', async () => {
    const contract = await deviceType.getInterpolatedPartials(context.client, 'raspberrypi3');
    expect(contract.slug).toBe('raspberrypi3');
    expect(contract.partials).toEqual({ bootDevice: ['Power up the Raspberry Pi 3'] });
  });

  it('fills balenaOS steps with the device type: SD card, eMMC over USB, USB key', async () => {
    const sdCard = (await deviceType.getInstructions(context.client, 'raspberrypi4-64')) as string[];
    expect(sdCard).toHaveLength(6);
    expect(sdCard[0]).toBe('Plug the SD card into your computer.');
    expect(sdCard[4]).toBe(`Plug the flashed SD card into the ${RPI4}.`);
    expect(sdCard[5]).toBe(`Power up the ${RPI4} to start the device.`);
    const module = (await deviceType.getInstructions(context.client, 'Balena Fin (CM3)')) as string[];
    expect(module[0]).toContain('connect the Balena Fin (CM3) to your computer with a micro-USB cable');
    expect(module[1]).toBe(
      'Flash the balenaOS image you downloaded onto the Balena Fin (CM3), for example with balenaEtcher.',
    );
    const usb = (await deviceType.getInstructions(context.client, 'intel-nuc')) as string[];
    expect(usb[0]).toBe('Plug the USB key into your computer.');
    expect(usb.some((line) => line.endsWith('You can tell because the machine has switched itself off.'))).toBe(true);
    const image = (await deviceType.getInstructions(context.client, 'qemux86-64')) as string[];
    expect(image).toEqual([
      'Use the QEMU X86 64bit image file you downloaded as the boot disk of the machine, then start it.',
    ]);
  });

  it('takes a contract without a request: escapes {{ }}, keeps {{{ }}}, and gives per-OS steps', async () => {
    context.recorder.reset();
    const steps = await deviceType.getInstructions(context.client, {
      slug: 'board',
      type: 'hw.device-type',
      name: 'A&B <board>',
      data: { media: { defaultBoot: 'sdcard' } },
      partials: { bootDevice: ['Press <b>reset</b> on the {{name}}'] },
    });
    expect(steps).toContain('Plug the flashed SD card into the A&amp;B &lt;board&gt;.');
    expect(steps).toContain('Press <b>reset</b> on the A&amp;B &lt;board&gt; to start the device.');
    const perOs = (await deviceType.getInstructions(context.client, {
      slug: 'stick',
      type: 'hw.device-type',
      name: 'Stick',
      data: { flashProtocol: 'edisonFlash' },
      partials: {
        Linux: { flashDependencies: ['Install dfu-util.'], flashInstructions: ['Run flash.sh.'] },
        MacOS: { flashDependencies: ['brew install dfu-util'], flashInstructions: ['Run flash.sh.'] },
        Windows: { flashDependencies: ['Install the drivers.'], flashInstructions: ['Run flash.bat.'] },
      },
    })) as Record<'Linux' | 'MacOS' | 'Windows', string[]>;
    expect(Object.keys(perOs).sort()).toEqual(['Linux', 'MacOS', 'Windows']);
    expect(perOs.Windows[0]).toBe('Install the drivers.');
    expect(perOs.Linux[1]).toBe('Disconnect the Stick from your computer.');
    await expect(
      deviceType.getInstructions(context.client, { slug: 'bare', type: 'hw.device-type', data: {} }),
    ).rejects.toBeInstanceOf(NotSupported);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('raises InvalidDeviceType and InvalidParameter', async () => {
    for (const call of [deviceType.getInstructions, deviceType.getInstallMethod, deviceType.getInterpolatedPartials]) {
      await expect(call(context.client, 'no-such-board')).rejects.toBeInstanceOf(InvalidDeviceType);
      await expectNoRequest(
        ['', ' ', null].map((value) => () => call(context.client, value as string)),
        InvalidParameter,
      );
    }
    await expectNoRequest(
      [[], 5, true].map((value) => () => deviceType.getInstructions(context.client, value as never)),
      InvalidParameter,
    );
  });
});
