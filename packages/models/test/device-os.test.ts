import { createHash } from 'node:crypto';
import {
  ApplicationNotFound,
  InvalidDeviceType,
  InvalidOption,
  InvalidParameter,
  MissingOption,
  RequestError,
} from '@balena-ts/core';
import * as deviceOs from '@balena-ts/models/device-os';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

// The sandbox's image is deterministic: 64 KiB chunks, each the SHA-256 of
// `<slug>\0<version>\0<index>` repeated, 4 MiB in all.
const IMAGE_SIZE_BYTES = 4 * 1024 * 1024;
const IMAGE_CHUNK_BYTES = 64 * 1024;

function expectedImageHash(slug: string, version: string): string {
  const hash = createHash('sha256');
  for (let index = 0; index * IMAGE_CHUNK_BYTES < IMAGE_SIZE_BYTES; index += 1) {
    const digest = createHash('sha256').update(`${slug}\u0000${version}\u0000${index}`).digest();
    const chunk = Buffer.alloc(Math.min(IMAGE_CHUNK_BYTES, IMAGE_SIZE_BYTES - index * IMAGE_CHUNK_BYTES));
    for (let offset = 0; offset < chunk.length; offset += digest.length) digest.copy(chunk, offset);
    hash.update(chunk);
  }
  return hash.digest('hex');
}

describe('deviceOs.parseParams', () => {
  it('fills defaults and turns a digit string appId into a number', () => {
    expect(deviceOs.parseParams({ appId: '42' })).toEqual({ appId: 42, network: 'ethernet', version: 'latest' });
    expect(
      deviceOs.parseParams({ deviceType: 'raspberrypi3', network: 'wifi', wifiSsid: 'office', version: '6.0.13' }),
    ).toEqual({ deviceType: 'raspberrypi3', network: 'wifi', wifiSsid: 'office', version: '6.0.13' });
  });

  it('raises MissingOption for missing mandatory options', () => {
    expect(() => deviceOs.parseParams({})).toThrow(MissingOption);
    expect(() => deviceOs.parseParams({ appId: 1, network: 'wifi' })).toThrow(MissingOption);
    expect(() => deviceOs.parseParams({ appId: 1, network: 'wifi', wifiSsid: '' })).toThrow(MissingOption);
  });

  it('raises InvalidOption for an invalid appId, network or poll interval', () => {
    for (const params of [
      { appId: 'abc' },
      { appId: 0 },
      { appId: -4 },
      { appId: "1' or 1" },
      { deviceType: 'raspberrypi3', network: 'lte' as 'wifi' },
      { deviceType: 'raspberrypi3', appUpdatePollInterval: -1 },
      { deviceType: 'raspberrypi3', version: '' },
    ]) {
      expect(() => deviceOs.parseParams(params), JSON.stringify(params)).toThrow(InvalidOption);
    }
  });
});

describe('deviceOs.getConfig', () => {
  it('requires a version and an existing application', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('os') });
    await expect(deviceOs.getConfig(context.client, app.id, {} as never)).rejects.toBeInstanceOf(MissingOption);
    await expect(deviceOs.getConfig(context.client, 'admin/none', { version: '6.0.13' })).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    // A numeric id is not looked up first: the API's 404 becomes ApplicationNotFound.
    const error = await deviceOs
      .getConfig(context.client, 987_654, { version: '6.0.13' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationNotFound);
    expect((error as ApplicationNotFound).cause).toBeInstanceOf(RequestError);
    context.recorder.reset();
    await expect(
      deviceOs.getConfig(context.client, app.slug, { version: '6.0.13', network: 'wifi' }),
    ).rejects.toBeInstanceOf(MissingOption);
    await expect(
      deviceOs.getConfig(context.client, app.slug, { version: '6.0.13', appUpdatePollInterval: -5 }),
    ).rejects.toBeInstanceOf(InvalidOption);
    await expect(deviceOs.getConfig(context.client, app.slug, undefined as never)).rejects.toBeInstanceOf(
      MissingOption,
    );
    await expect(deviceOs.getConfig(context.client, '', { version: '6.0.13' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('sends one request for a numeric application id', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('os') });
    context.recorder.reset();
    const config = await deviceOs.getConfig(context.client, app.id, { version: '6.0.13' });
    expect(config.applicationId).toBe(app.id);
    expect(context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /download-config',
    ]);
  });

  it('returns the config.json of the application', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('os') });
    const config = await deviceOs.getConfig(context.client, app.slug, {
      version: '6.0.13',
      network: 'wifi',
      wifiSsid: 'office',
      wifiKey: 'secret',
      appUpdatePollInterval: 5,
    });
    expect(config.applicationId).toBe(app.id);
    expect(config.deviceType).toBe('raspberrypi4-64');
    expect(config.appUpdatePollInterval).toBe(5 * 60_000);
  });
});

/**
 * How many chunks progress may count before the consumer has them: a chunk or two in the streams'
 * queues. Progress is counted where the consumer pulls, so a slow consumer sees it move with its reads.
 */
const MAX_CHUNKS_READ_AHEAD = 3;
const SLOW_READ_MS = 300;

describe('deviceOs.download', () => {
  it('streams the whole image, reporting progress as the consumer reads, even a slow one', async () => {
    const progress: { bytes: number; total: number | undefined }[] = [];
    const image = await deviceOs.download(
      context.client,
      { deviceType: 'raspberrypi3' },
      { onProgress: (report) => progress.push(report) },
    );
    expect(image.deviceType).toBe('raspberrypi3');
    expect(image.total).toBe(IMAGE_SIZE_BYTES);
    const reader = image.stream.getReader();
    const hash = createHash('sha256');
    let received = 0;
    let mostChunksAhead = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      hash.update(value);
      // A slow consumer at first: time enough for the network to fill any queue that would take it.
      if (received === value.byteLength) await new Promise((resolve) => setTimeout(resolve, SLOW_READ_MS));
      // Chunks counted but not yet handed over: the streams' queues (a chunk or two), never the image.
      const ahead = progress.filter((report) => report.bytes > received).length;
      mostChunksAhead = Math.max(mostChunksAhead, ahead);
    }
    expect(progress.length).toBeGreaterThan(10);
    expect(mostChunksAhead).toBeLessThanOrEqual(MAX_CHUNKS_READ_AHEAD);
    expect(received).toBe(IMAGE_SIZE_BYTES);
    expect(progress.at(-1)).toEqual({ bytes: IMAGE_SIZE_BYTES, total: IMAGE_SIZE_BYTES });
    const steps = progress.map((report) => report.bytes);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(hash.digest('hex')).toBe(expectedImageHash('raspberrypi3', image.version));
  });

  it('resolves the device type from appId and can be cancelled', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('os'), deviceType: 'intel-nuc' });
    const image = await deviceOs.download(context.client, { appId: String(app.id) });
    expect(image.deviceType).toBe('intel-nuc');
    const reader = image.stream.getReader();
    await reader.read();
    await reader.cancel();
  });

  it("takes 'latest' from the default line: the newest non-ESR release, as balena's SDK does", async () => {
    // raspberrypi4-64 has ESR releases numbered by year (2025.1.1), newer by semver than 6.0.13.
    const image = await deviceOs.download(context.client, { deviceType: 'raspberrypi4-64' });
    expect(image.version).toBe('6.0.13');
    await image.stream.cancel();
  });

  it('rejects an unknown device type, application or version', async () => {
    await expect(deviceOs.download(context.client, { deviceType: 'toaster' })).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
    await expect(deviceOs.download(context.client, { appId: 987_654 })).rejects.toBeInstanceOf(ApplicationNotFound);
    const error = await deviceOs
      .download(context.client, { deviceType: 'raspberrypi3', version: '0.0.1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(404);
    await expect(deviceOs.download(context.client, {})).rejects.toBeInstanceOf(MissingOption);
  });
});

describe('deviceOs.parseParams: each refusal and its message', () => {
  const missing = (message: string) => new MissingOption(message);
  const invalid = (message: string) => new InvalidOption(message);

  it('requires parameters, and a device type or an application that is not empty', () => {
    expect(() => deviceOs.parseParams(null as never)).toThrow(missing('OS parameters are required'));
    expect(() => deviceOs.parseParams('raspberrypi3' as never)).toThrow(missing('OS parameters are required'));
    for (const params of [{ appId: '' }, { deviceType: '' }, { appId: '', deviceType: '' }]) {
      expect(() => deviceOs.parseParams(params), JSON.stringify(params)).toThrow(
        missing('Missing option: deviceType (or appId)'),
      );
    }
  });

  it('takes an application id as a number or a string of digits only', () => {
    expect(deviceOs.parseParams({ appId: ' 42 ' })).toStrictEqual({
      appId: 42,
      network: 'ethernet',
      version: 'latest',
    });
    expect(deviceOs.parseParams({ appId: 7 }).appId).toBe(7);
    // Number() reads these as integers; an application id is written in digits.
    for (const appId of ['+5', '0x10', '1e3', '5.0', true]) {
      expect(() => deviceOs.parseParams({ appId: appId as string }), String(appId)).toThrow(
        invalid(`Invalid option: appId must be a positive integer, got ${String(appId)}`),
      );
    }
  });

  it('leaves out an application id it was not given', () => {
    expect(deviceOs.parseParams({ deviceType: 'raspberrypi3' })).toStrictEqual({
      deviceType: 'raspberrypi3',
      network: 'ethernet',
      version: 'latest',
    });
  });

  it('refuses a blank or non-string device type and version', () => {
    for (const deviceType of ['  ', 5]) {
      expect(() => deviceOs.parseParams({ appId: 1, deviceType: deviceType as string })).toThrow(
        invalid('Invalid option: deviceType must be a non-empty string'),
      );
    }
    for (const version of ['  ', 6]) {
      expect(() => deviceOs.parseParams({ deviceType: 'raspberrypi3', version: version as string })).toThrow(
        invalid('Invalid option: version must be a version string or "latest"'),
      );
    }
  });

  it('names the networks, the wifi network name and the poll interval in its refusals', () => {
    expect(() => deviceOs.parseParams({ appId: 1, network: 'lte' as 'wifi' })).toThrow(
      invalid('Invalid option: network must be one of ethernet, wifi'),
    );
    expect(() => deviceOs.parseParams({ appId: 1, network: 'wifi' })).toThrow(
      missing('Missing option: wifiSsid (required for a wifi network)'),
    );
    for (const appUpdatePollInterval of [0, 'soon']) {
      expect(() => deviceOs.parseParams({ appId: 1, appUpdatePollInterval })).toThrow(
        invalid('Invalid option: appUpdatePollInterval must be a positive number of minutes'),
      );
    }
  });
});

describe('deviceOs.getConfig and deviceOs.download: what they send', () => {
  it('refuses missing, null or blank version options before any request', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('os') });
    context.recorder.reset();
    const noVersion = new MissingOption('Missing option: version (an OS version is required for a config.json)');
    for (const options of [null, { version: '  ' }, { version: 6 }]) {
      await expect(
        deviceOs.getConfig(context.client, app.id, options as never),
        JSON.stringify(options),
      ).rejects.toEqual(noVersion);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('passes the plain image options on to the download, and nothing else', async () => {
    context.recorder.reset();
    const image = await deviceOs.download(context.client, {
      deviceType: 'raspberrypi3',
      version: '6.0.13',
      developmentMode: true,
      fileType: '.zip',
      nested: { not: 'a query parameter' },
    });
    await image.stream.cancel();
    const download = context.recorder.requests.find((request) => new URL(request.url).pathname === '/download');
    expect(Object.fromEntries(new URL(download!.url).searchParams)).toEqual({
      deviceType: 'raspberrypi3',
      version: '6.0.13',
      network: 'ethernet',
      developmentMode: 'true',
      fileType: '.zip',
    });
  });
});
