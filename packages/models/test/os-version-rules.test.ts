// balenaOS version rules against balena's own implementation (balena-semver, a dev dependency here
// only as the oracle): models orders, validates and matches versions as balena's tools do, without
// shipping balena-semver and its dependencies to users.
import * as balenaSemver from 'balena-semver';
import { describe, expect, it } from 'vitest';
import {
  compareOsVersions,
  newestFirst,
  newestOsVersionOf,
  normalizeOsVersion,
  parseOsVersion,
} from '../src/internal/os-version.js';
import { maxSatisfyingOsVersion, satisfiesOsRange } from '../src/internal/os-version-range.js';

// Spellings balena has used for host OS versions over the years, and some that are not versions.
const VERSIONS = [
  '2.0.0',
  '2.0.0+rev1',
  '2.0.0+rev2',
  '2.0.0.rev1',
  '2.0.0_rev1',
  '2.0.0+rev1.dev',
  '2.0.0+rev1.prod',
  '2.0.0.dev',
  '2.0.0.prod',
  '2.0.0-rc1.rev2',
  '2.0.0-rc1.rev2-dev',
  '2.0.1+rev2.prod',
  '2.0.1+rev2.dev',
  '2.0.10',
  '2.0.9',
  '2.88.4+rev2.prod',
  '2.115.3+rev1',
  'Resin OS 2.0.0.rev1 (prod)',
  'Resin OS 1.24.0 (dev)',
  'balenaOS 2.26.0+rev1',
  'balenaOS 6.0.13',
  'v6.0.10',
  '6.0.13',
  '6.0.50+rev1',
  '2025.1.1',
  '2024.7.0',
  '5.1.0-1700000000000',
  '1.8.0',
  '2.0.06',
  'Resin OS 2.0.0-beta.1 (dev)',
  '2.0.0 (prod)',
  // semver's pre-release precedence: numbers numerically, below words, shorter lists first.
  '2.0.0-1',
  '2.0.0-2',
  '2.0.0-10',
  '2.0.0-0',
  '2.0.0-alpha',
  '2.0.0-alpha.1',
  '2.0.0-alpha.beta',
  '2.0.0-beta.2',
  '2.0.0-beta.11',
  '2.0.0-rc.1+rev3',
  // Not versions to semver: a leading zero, four parts, a number past 2^53.
  '01.0.0',
  '1.2.3.4',
  '99999999999999999999.0.0',
  ' 6.0.13 ',
  'not a version',
  'another thing',
  '',
];

describe('balenaOS version rules (balena-semver as the oracle)', () => {
  it('normalise and parse every spelling as balena does', () => {
    for (const version of VERSIONS) {
      expect(parseOsVersion(version)?.version ?? null, version).toBe(balenaSemver.valid(version));
      expect(parseOsVersion(version)?.build ?? null, version).toEqual(balenaSemver.parse(version)?.build ?? null);
    }
    expect(normalizeOsVersion('Resin OS 2.0.0.rev1 (prod)')).toBe('2.0.0+rev1.prod');
    expect(parseOsVersion(undefined)).toBeNull();
  });

  it('order every pair as balena does (revision, then production above development, invalid last)', () => {
    for (const left of VERSIONS) {
      for (const right of VERSIONS) {
        expect(Math.sign(compareOsVersions(left, right)), `${left} vs ${right}`).toBe(
          Math.sign(balenaSemver.compare(left, right)),
        );
      }
      expect(compareOsVersions(left, null)).toBe(1);
      expect(compareOsVersions(null, left)).toBe(-1);
    }
    expect(compareOsVersions(null, undefined)).toBe(0);
    expect(compareOsVersions('2.0.0+rev2', '2.0.0+rev1')).toBeGreaterThan(0);
    expect(compareOsVersions('2.0.0+rev1.prod', '2.0.0+rev1.dev')).toBeGreaterThan(0);
  });

  it('sort newest first as balena does, reading each version once', () => {
    const items = VERSIONS.map((version, index) => ({ version, index }));
    let reads = 0;
    const sorted = newestFirst(items, (item) => {
      reads += 1;
      return item.version;
    });
    expect(reads).toBe(VERSIONS.length);
    expect(sorted.map((item) => item.version)).toEqual([...VERSIONS].sort(balenaSemver.rcompare));
    expect(new Set(sorted)).toEqual(new Set(items));
    expect(items.map((item) => item.index)).toEqual(VERSIONS.map((_, index) => index));
  });

  it('match ranges as balena does', () => {
    const ranges = ['^2.0.0', '~2.0.0', '^6', '>=2.0.1 <6.0.13', '6.0.13', '2.0.0+rev1', '^2024.7', '*', '^', 'junk'];
    for (const range of ranges) {
      for (const version of VERSIONS) {
        expect(satisfiesOsRange(version, range), `${version} in ${range}`).toBe(balenaSemver.satisfies(version, range));
      }
      expect(maxSatisfyingOsVersion(VERSIONS, range), range).toBe(balenaSemver.maxSatisfying(VERSIONS, range));
    }
  });

  it('take latest from the default line only: an ESR release is numbered by year and would always win', () => {
    const deviceType = {
      slug: 'raspberrypi4-64',
      is_default_for__application: [
        {
          application_tag: [{ tag_key: 'release-policy', value: 'esr' }],
          owns__release: [{ raw_version: '2025.1.1' }],
        },
        { application_tag: [], owns__release: [{ raw_version: '6.0.10' }, { raw_version: '6.0.13' }] },
      ],
    };
    expect(newestOsVersionOf(deviceType)).toBe('6.0.13');
    expect(
      newestOsVersionOf({ ...deviceType, is_default_for__application: [deviceType.is_default_for__application[0]!] }),
    ).toBe(undefined);
  });
});
