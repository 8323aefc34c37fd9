import { createClient, InvalidDeviceType, InvalidParameter } from '@balena-ts/core';
import * as config from '@balena-ts/models/config';
import { describe, expect, it } from 'vitest';
import { recordingFetch, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('config', () => {
  it('getAll returns the deployment configuration without device types, sent without credentials', async () => {
    const recorder = recordingFetch();
    let authorization: string | null = 'unset';
    const client = createClient({
      apiUrl: context.sandbox.url,
      retry: false,
      fetch: (input, init) => {
        authorization = new Request(input, init).headers.get('authorization');
        return recorder.fetch(input, init);
      },
    });
    await client.tokens.set(context.sandbox.superuser.token);
    const all = await config.getAll(client);
    expect(all.deviceUrlsBase).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
    expect('deviceTypes' in all).toBe(false);
    expect(recorder.requests.map((request) => new URL(request.url).pathname)).toEqual(['/config']);
    expect(authorization).toBeNull();
  });

  it('getDeviceTypes returns manifests without install instructions', async () => {
    const manifests = await config.getDeviceTypes(context.client);
    expect(manifests.map((manifest) => manifest.slug)).toContain('raspberrypi3');
    expect(manifests.every((manifest) => !('instructions' in manifest))).toBe(true);
  });

  it('finds one manifest by slug, name or alias', async () => {
    expect((await config.getDeviceTypeManifestBySlug(context.client, 'Raspberry Pi 3')).slug).toBe('raspberrypi3');
    expect((await config.getDeviceTypeManifestBySlug(context.client, 'nuc')).slug).toBe('intel-nuc');
    await expect(config.getDeviceTypeManifestBySlug(context.client, 'toaster')).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
    await expect(config.getDeviceTypeManifestBySlug(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('getConfigVarSchema lists the reserved variable names and namespaces the API enforces', async () => {
    const schema = await config.getConfigVarSchema(context.client);
    expect(schema.reservedNames).toEqual(expect.arrayContaining(['BALENA', 'RESIN', 'USER']));
    expect(schema.reservedNamespaces).toEqual(expect.arrayContaining(['BALENA_', 'RESIN_']));
    expect(typeof schema.configVarSchema).toBe('object');
    const forType = await config.getConfigVarSchema(context.client, 'raspberrypi3');
    expect(typeof forType.configVarSchema).toBe('object');
    await expect(config.getConfigVarSchema(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('getConfigVarSchema sends the device type, with credentials only then', async () => {
    const authorizations: (string | null)[] = [];
    const client = createClient({
      apiUrl: context.sandbox.url,
      retry: false,
      fetch: (input, init) => {
        authorizations.push(new Request(input, init).headers.get('authorization'));
        return fetch(input, init);
      },
    });
    await client.tokens.set(context.sandbox.superuser.token);
    const general = await config.getConfigVarSchema(client);
    const forType = await config.getConfigVarSchema(client, 'raspberrypi3');
    // A Raspberry Pi adds its config.txt settings to the general ones.
    const names = (schema: typeof general) =>
      Object.keys((schema.configVarSchema as { properties: Record<string, unknown> }).properties);
    expect(names(forType)).toEqual(expect.arrayContaining(names(general)));
    expect(names(forType).length).toBeGreaterThan(names(general).length);
    expect(authorizations[0]).toBeNull();
    expect(authorizations[1]).toMatch(/^Bearer /);
  });

  it('getDeviceTypeManifest reads one manifest by exact slug', async () => {
    const manifest = await config.getDeviceTypeManifest(context.client, 'raspberrypi3');
    expect(manifest).toMatchObject({ slug: 'raspberrypi3', name: 'Raspberry Pi 3' });
    await expect(config.getDeviceTypeManifest(context.client, 'toaster')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(config.getDeviceTypeManifest(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('config.getDeviceOptions', () => {
  it('gives the manifest options, then the initialization options', async () => {
    const options = await config.getDeviceOptions(context.client, 'raspberrypi4-64');
    expect(options.map((option) => option.name)).toEqual(['network', 'advanced', 'drive']);
    expect(options[0]?.isGroup).toBe(true);
    expect(options[0]?.options?.map((option) => option.name)).toEqual(['network', 'wifiSsid', 'wifiKey']);
    expect(options[2]).toEqual({ message: 'Select a drive', type: 'drive', name: 'drive' });
    expect((await config.getDeviceOptions(context.client, 'nuc')).map((option) => option.name)).toEqual([
      'network',
      'advanced',
      'drive',
    ]);
  });

  it('raises InvalidDeviceType and InvalidParameter', async () => {
    await expect(config.getDeviceOptions(context.client, 'toaster')).rejects.toBeInstanceOf(InvalidDeviceType);
    context.recorder.reset();
    for (const value of ['', ' ', null, 3]) {
      await expect(config.getDeviceOptions(context.client, value as string)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });
});
