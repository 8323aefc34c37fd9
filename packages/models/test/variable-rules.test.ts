import { InvalidParameter } from '@balena-ts/core';
import {
  isSystemVariable,
  RESERVED_VARIABLE_NAMES,
  RESERVED_VARIABLE_PREFIXES,
} from '@balena-ts/models/application-env-variable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBuildVariableName,
  checkConfigVariableName,
  checkEnvironmentVariableName,
  checkTagKey,
  checkTagValue,
  checkVariableValue,
} from '../src/dependent-resource/name-rules.js';
import { startTestContext, type TestContext } from './helpers/sandbox.js';

describe('isSystemVariable', () => {
  it('is true for the reserved names and prefixes, as the seed describes', () => {
    expect(isSystemVariable('BALENA_API_KEY')).toBe(true);
    expect(isSystemVariable('RESIN_DEVICE_UUID')).toBe(true);
    for (const name of ['BALENA', 'RESIN', 'USER']) expect(isSystemVariable(name)).toBe(true);
    expect(isSystemVariable('APPLICATION_API_KEY')).toBe(false);
    expect(isSystemVariable('balena_lowercase')).toBe(false);
    expect(isSystemVariable('USERNAME')).toBe(false);
    expect(isSystemVariable('BALENAX')).toBe(false);
  });
});

describe('the rules match what the API serves at /config/vars', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await startTestContext();
  });
  afterAll(async () => {
    await context?.sandbox.close();
  });

  it('has the same reserved names and namespaces', async () => {
    const served = await context.client.request<{ reservedNames: string[]; reservedNamespaces: string[] }>(
      '/config/vars',
    );
    expect([...RESERVED_VARIABLE_NAMES].sort()).toEqual([...served.reservedNames].sort());
    expect([...RESERVED_VARIABLE_PREFIXES].sort()).toEqual([...served.reservedNamespaces].sort());
  });
});

describe('name and value rules', () => {
  const accepts = (check: (value: string) => void, value: string) => expect(() => check(value)).not.toThrow();
  const rejects = (check: (value: string) => void, value: unknown, rule: RegExp) => {
    let thrown: unknown;
    try {
      check(value as string);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, String(value)).toBeInstanceOf(InvalidParameter);
    expect((thrown as Error).message).toMatch(rule);
  };

  it('environment variable names', () => {
    for (const name of ['A', '_X', 'mode', 'A1_B2', 'USERS', 'MY_BALENA_X'])
      accepts(checkEnvironmentVariableName, name);
    rejects(checkEnvironmentVariableName, 'É', /letters, digits and underscores/);
    rejects(checkEnvironmentVariableName, 'A:B', /letters, digits and underscores/);
    rejects(checkEnvironmentVariableName, 42, /must be a string/);
  });

  it('config variable names', () => {
    for (const name of ['BALENA_HOST_CONFIG_gpu_mem', 'RESIN_X', 'BALENA_A:B', 'BALENA_']) {
      accepts(checkConfigVariableName, name);
    }
    rejects(checkConfigVariableName, '0BALENA', /cannot start with a digit or a colon/);
    rejects(checkConfigVariableName, 'BALENA', /reserved names/);
  });

  it('values', () => {
    for (const value of ['', ' ', 'a\tb', '"i2c_arm=on","spi=on"', 'ü🚀']) accepts(checkVariableValue, value);
    rejects(checkVariableValue, 'a\rb', /line breaks/);
    rejects(checkVariableValue, 5, /must be a string/);
  });

  it('tag keys', () => {
    for (const key of ['location', 'io.balena', 'com.example.key', 'ü', 'a=b']) accepts(checkTagKey, key);
    rejects(checkTagKey, 'line\nbreak', /whitespace/);
    rejects(checkTagKey, 'io.balena.x', /io\.resin\. or io\.balena\. are reserved/);
  });
});

describe('each rule names its parameter and gives its reason', () => {
  // The parameter name is what a caller's form shows the error next to; the reason is the rule.
  const refusal = (check: (value: string) => void, value: unknown): InvalidParameter => {
    try {
      check(value as string);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameter);
      return error as InvalidParameter;
    }
    throw new Error(`${String(value)} was accepted`);
  };
  const expectRefusal = (check: (value: string) => void, value: unknown, parameter: string, reason: string) => {
    const error = refusal(check, value);
    expect(error.parameter, String(value)).toBe(parameter);
    expect(error.message.endsWith(`for parameter "${parameter}": ${reason}`), error.message).toBe(true);
  };

  it('environment and config variable names', () => {
    for (const check of [checkEnvironmentVariableName, checkConfigVariableName]) {
      expectRefusal(check, 7, 'name', 'must be a string');
      expectRefusal(check, '', 'name', 'a variable name cannot be empty');
      expectRefusal(check, 'USER', 'name', 'RESIN, BALENA, USER are reserved names');
    }
    expectRefusal(
      checkEnvironmentVariableName,
      'BALENA_X',
      'name',
      'names starting with RESIN_ or BALENA_ are reserved for config variables',
    );
    expectRefusal(checkConfigVariableName, 'MODE', 'name', 'config variable names must start with RESIN_ or BALENA_');
  });

  it('tag keys and values', () => {
    expectRefusal(checkTagKey, 7, 'tagKey', 'must be a string');
    expectRefusal(checkTagKey, '', 'tagKey', 'a tag key cannot be empty');
    expectRefusal(checkTagKey, 'a b', 'tagKey', 'tag keys cannot hold whitespace');
    expectRefusal(checkTagKey, 'io.resin.x', 'tagKey', 'tag keys starting with io.resin. or io.balena. are reserved');
    expectRefusal(checkTagValue, 7, 'value', 'must be a string');
    expectRefusal(checkVariableValue, 7, 'value', 'must be a string');
  });

  it('build variable names: any non-empty string', () => {
    for (const name of ['BALENA_X', 'USER', '0 a:b', 'ü']) expect(() => checkBuildVariableName(name)).not.toThrow();
    expectRefusal(checkBuildVariableName, 7, 'name', 'must be a string');
    expectRefusal(checkBuildVariableName, '', 'name', 'a build variable name cannot be empty');
  });
});
