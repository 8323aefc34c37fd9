// parseSettingValue for each kind of setting: what each spelling becomes, and the whole message of
// each refusal (the key, where the value came from, what was expected).
import { describe, expect, it } from 'vitest';
import { InvalidOption } from '../src/index.js';
import { parseSettingValue } from '../src/settings.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOption);
    return (error as Error).message;
  }
  throw new Error('expected InvalidOption');
}

describe('parseSettingValue', () => {
  it.each([
    ['timeout', ' 30 ', 30],
    ['timeout', '0', 0],
    ['timeout', 0, 0],
    ['timeout', 12.5, 12.5],
    ['retry_rate_limited_request', true, true],
    ['retry_rate_limited_request', false, false],
    ['retry_rate_limited_request', ' YES ', true],
    ['retry_rate_limited_request', 'on', true],
    ['retry_rate_limited_request', 1, true],
    ['retry_rate_limited_request', ' No', false],
    ['retry_rate_limited_request', 'off', false],
    ['retry_rate_limited_request', 'FALSE', false],
    ['retry_rate_limited_request', 0, false],
    ['data_directory', false, false],
    ['data_directory', 'false', false],
    ['data_directory', ' /var/lib/balena ', ' /var/lib/balena '],
    ['balena_host', 'balena-cloud.com', 'balena-cloud.com'],
    ['unknown_key', 5, 5],
    ['unknown_key', false, false],
  ])('%s = %o gives %o', (key, value, expected) => {
    expect(parseSettingValue(key, value)).toBe(expected);
  });

  it.each([
    ['timeout', '', 'a number >= 0'],
    ['timeout', '   ', 'a number >= 0'],
    ['timeout', '-1', 'a number >= 0'],
    ['timeout', -0.5, 'a number >= 0'],
    ['timeout', 'ten', 'a number >= 0'],
    ['timeout', Number.POSITIVE_INFINITY, 'a number >= 0'],
    ['timeout', true, 'a number >= 0'],
    ['retry_rate_limited_request', 'maybe', 'true or false'],
    ['retry_rate_limited_request', 2, 'true or false'],
    ['data_directory', true, 'a directory path, or false'],
    ['data_directory', '  ', 'a directory path, or false'],
    ['data_directory', 5, 'a directory path, or false'],
    ['balena_host', '', 'a non-empty string'],
    ['balena_host', ' ', 'a non-empty string'],
    ['balena_host', 5, 'a non-empty string'],
    ['balena_host', false, 'a non-empty string'],
    ['balena_host', null, 'a string, a number or a boolean'],
    ['unknown_key', {}, 'a string, a number or a boolean'],
  ])('%s = %o is refused: must be %s', (key, value, expected) => {
    expect(refusal(() => parseSettingValue(key, value))).toBe(`Setting "${key}" must be ${expected}.`);
    expect(refusal(() => parseSettingValue(key, value, '~/.balenarc.yml'))).toBe(
      `Setting "${key}" (from ~/.balenarc.yml) must be ${expected}.`,
    );
  });

  it('names no source when the source is empty', () => {
    expect(refusal(() => parseSettingValue('timeout', 'x', ''))).toBe('Setting "timeout" must be a number >= 0.');
  });
});
