import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as settings from '@balena-ts/core/settings';
import { afterAll, describe, expect, test } from 'vitest';
import { Balena, describeBalena } from '../src/index.js';
import { readSeedFunctions, valueAt } from './helpers/seed-functions.js';

const SEED_FUNCTION_COUNT = 154;
const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-sdk-seed-'));
afterAll(() => fs.rmSync(dataDirectory, { recursive: true, force: true }));

const seedFunctions = readSeedFunctions();
const balena = new Balena({ apiUrl: 'http://127.0.0.1:9', dataDirectory });

describe("the list of the Python SDK reference's functions", () => {
  test(`holds its ${SEED_FUNCTION_COUNT} functions, each once`, () => {
    expect(seedFunctions).toHaveLength(SEED_FUNCTION_COUNT);
    expect(new Set(seedFunctions.map((entry) => entry.seedName)).size).toBe(SEED_FUNCTION_COUNT);
  });

  test("maps each snake_case name to a camelCase name under its class's path", () => {
    const byName = new Map(seedFunctions.map((entry) => [entry.seedName, entry.facadePath]));
    expect(byName.get('Auth.who_am_i')).toBe('auth.whoAmI');
    expect(byName.get('Auth.log_out')).toBe('auth.logOut');
    expect(byName.get('ApiKey.create_api_key')).toBe('models.apiKey.createApiKey');
    expect(byName.get('TwoFactorAuth.generate_code')).toBe('twoFactorAuth.generateCode');
    expect(byName.get('Device.get_all_by_application_id')).toBe('models.device.getAllByApplicationId');
    expect(byName.get('ServiceEnvVariable.create')).toBe(
      'models.environmentVariables.serviceEnvironmentVariable.create',
    );
    expect(byName.get('ReleaseTag.get_all_by_release')).toBe('models.tag.release.getAllByRelease');
  });
});

describe('new Balena() exposes every one', () => {
  test.each(seedFunctions.map((entry) => [entry.seedName, entry.facadePath] as const))(
    '%s as balena.%s',
    (_seedName, facadePath) => {
      expect(typeof valueAt(balena, facadePath)).toBe('function');
    },
  );

  test('and the list of missing ones is empty', () => {
    const missing = seedFunctions.filter((entry) => typeof valueAt(balena, entry.facadePath) !== 'function');
    expect(missing.map((entry) => entry.seedName)).toEqual([]);
  });

  test('the descriptor binds each one from the module the fixture names', async () => {
    const descriptor = describeBalena(settings);
    const wrong: string[] = [];
    for (const entry of seedFunctions) {
      const module = (await import(entry.module)) as Record<string, unknown>;
      const node = valueAt(descriptor, entry.facadePath.slice(0, -entry.name.length - 1)) as {
        module: Record<string, unknown>;
      };
      if (typeof module[entry.name] !== 'function' || node.module[entry.name] !== module[entry.name]) {
        wrong.push(`${entry.facadePath}: ${entry.module} ${entry.name}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
