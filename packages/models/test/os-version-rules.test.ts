// balenaOS version rules against balena's own implementation (balena-semver, a dev dependency here
// only as the oracle): models orders, validates and matches versions as balena's tools do, without
// shipping balena-semver and its dependencies to users.
import * as balenaSemver from 'balena-semver';
import { describe, expect, it } from 'vitest';
import { osUpdateType } from '../src/internal/os-update-rules.js';
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
  // Spellings with parts of two digits or more, which the rewriting rules must read whole.
  '2.10.10_rev1',
  '2.0.10.rev1',
  '2.10.0.dev',
  '2.0.10.dev',
  '2.0.006',
  'Resin OS 2.0.10 (prod)',
  'Resin OS 2.10.0+rev1 (prod)',
  'Resin OS 2.0.10+rev1 (prod)',
  'Resin OS 2.0.0+rev1.x (prod)',
  'Resin OS 2.0.0 (prod_1)',
  'balenaOS2.26.0',
  '6.0.13 balenaOS',
  // Revisions are a whole `revN` part; numeric pre-release parts past 2^53 compare as numbers do.
  '2.0.0+rev10',
  '2.0.0+xrev3',
  '2.0.0+rev3x',
  '1.0.0-99999999999999999999',
  '1.0.0-100000000000000000000',
  // A leading hyphen sorts below digits as text, yet a word is above a number.
  '1.0.0--x',
  // Pre-release lists of different lengths, decided by the list before the revision.
  '2.0.0-alpha+rev2',
  '2.0.0-alpha.1+rev1',
  // node-semver's length limit: 256 characters are a version, 257 are not.
  `1.0.0-${'a'.repeat(250)}`,
  `1.0.0-${'a'.repeat(251)}`,
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
      expect(parseOsVersion(version)?.prerelease ?? null, version).toEqual(
        balenaSemver.parse(version)?.prerelease ?? null,
      );
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
    expect(compareOsVersions(null, null)).toBe(0);
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
    // Whatever the order of the releases and of the tags.
    const reordered = {
      slug: 'raspberrypi4-64',
      is_default_for__application: [
        {
          application_tag: [{ tag_key: 'note', value: 'esr' }],
          owns__release: [{ raw_version: '6.0.13' }, { raw_version: 'v6.0.13' }, { raw_version: '6.0.10' }],
        },
      ],
    };
    expect(newestOsVersionOf(reordered)).toBe('6.0.13');
    expect(
      newestOsVersionOf({ ...deviceType, is_default_for__application: [deviceType.is_default_for__application[0]!] }),
    ).toBe(undefined);
  });
});

describe('host OS update rules (balena-hup-action-utils)', () => {
  it('refuse an invalid target, a switch of variant, and a target below 2.16.0+rev1', () => {
    expect(() => osUpdateType('raspberrypi4-64', '6.0.10', 'banana')).toThrow('Invalid target balenaOS version');
    expect(() => osUpdateType('raspberrypi4-64', '2.88.4+rev2.prod', '2.115.3+rev1.dev')).toThrow(
      'Updates cannot be performed between development and production balenaOS variants',
    );
    expect(() => osUpdateType('raspberrypi4-64', '2.14.0+rev1', '2.15.0')).toThrow(
      'Target OS version must be >= 2.16.0+rev1',
    );
    // The minimums themselves are allowed.
    expect(osUpdateType('raspberrypi4-64', '2.14.0+rev1', '2.16.0+rev1')).toBe('balenahup');
    // A target without a variant, or a device without one, crosses no line.
    expect(osUpdateType('raspberrypi4-64', '2.88.4+rev2.dev', '2.115.3+rev1')).toBe('balenahup');
    expect(osUpdateType('raspberrypi4-64', '2.88.4+rev2', '2.115.3+rev1.prod')).toBe('balenahup');
  });

  it('reflash the device types that must be, only when the update crosses their version', () => {
    expect(osUpdateType('jetson-xavier', '5.3.20', '6.0.50')).toBe('takeover');
    expect(osUpdateType('jetson-xavier', '5.3.20', '6.0.49')).toBe('balenahup');
    expect(osUpdateType('jetson-xavier', '6.0.50', '6.1.0')).toBe('balenahup');
    expect(osUpdateType('jetson-xavier-nx-devkit-emmc', '6.0.38', '6.0.39')).toBe('takeover');
    expect(osUpdateType('raspberrypi4-64', '5.3.20', '6.0.50')).toBe('balenahup');
    // A development build of the takeover version sorts below it, yet is already past it.
    expect(osUpdateType('jetson-xavier-nx-devkit', '6.0.50+rev1.dev', '6.1.0+rev1.dev')).toBe('balenahup');
  });
});
