// The version ranges of src/internal/os-version-range.ts, tested without a sandbox: a range in
// semver's loose spelling, and the first of two spellings of one version.
import { describe, expect, it } from 'vitest';
import { maxSatisfyingOsVersion, osRangeTest } from '../src/internal/os-version-range.js';

describe('osRangeTest', () => {
  it('reads a range in the loose spelling, a pre-release without its hyphen', () => {
    const covers = osRangeTest('^2.0.0beta');
    expect(covers('2.5.0')).toBe(true);
    expect(covers('3.0.0')).toBe(false);
  });
});

describe('maxSatisfyingOsVersion', () => {
  it('keeps the first of two spellings of the newest version', () => {
    expect(maxSatisfyingOsVersion(['2.0.0', 'balenaOS 2.0.0'], '^2.0.0')).toBe('2.0.0');
    expect(maxSatisfyingOsVersion(['balenaOS 2.0.0', '2.0.0'], '^2.0.0')).toBe('balenaOS 2.0.0');
  });
});
