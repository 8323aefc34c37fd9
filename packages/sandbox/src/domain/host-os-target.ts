import * as semver from 'balena-semver';
import { messageError } from '../http/http-error.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';
import { rawVersion } from './release-version.js';

// balena's hooks and rule on a device's target OS release (open-balena-api
// `features/hostapp/hooks/target-hostapp.ts` and the model's rule), with their messages.

/** balena's rule (SBVR) on a device's target OS release, answered as its text. */
export const HOST_OS_RULE =
  'It is necessary that each release that should operate a device that is of a device type, belongs to an application that is host and is for the device type.';

function versionOf(store: Store, release: Row): string {
  const tag = store
    .referencing('release_tag', 'release', release.id)
    .find((candidate) => candidate.tag_key === 'version');
  return (tag?.value as string | undefined) ?? rawVersion(release);
}

/**
 * A PATCH of a device's `should_be_operated_by__release`: a new device type clears it, an
 * invalidated or failed release is not found, and a target older than the OS the device runs is a
 * downgrade (balena compares with the reported `os_version`, not with the previous target, so a
 * device pinned ahead can be pinned back to its running release). Devices that have not reported
 * an OS version yet are provisioning and skip the checks.
 */
export function checkHostOsTarget(store: Store, next: Row, previous: Row): void {
  const target = next.should_be_operated_by__release as number | null | undefined;
  const changed = target !== previous.should_be_operated_by__release;
  if (next.is_of__device_type !== previous.is_of__device_type && !changed) {
    next.should_be_operated_by__release = null;
    return;
  }
  if (!changed || target === null || target === undefined || previous.os_version === null) return;
  const release = store.get('release', target);
  if (!release || release.is_invalidated === true || release.status !== 'success') {
    throw messageError(400, `Could not find a hostapp release with this ID ${target}`);
  }
  const running = previous.os_version as string | undefined;
  if (running && semver.parse(running) !== null && semver.lt(versionOf(store, release), running)) {
    throw messageError(400, 'Attempt to downgrade hostapp, which is not allowed');
  }
}

/** balena's rule: a device's target OS release is a release of a host application for its device type. */
export function checkHostOsRule(row: Row, store: Store): void {
  const target = row.should_be_operated_by__release as number | null | undefined;
  if (target === null || target === undefined) return;
  const release = store.get('release', target);
  const application = release ? store.get('application', release.belongs_to__application as number) : undefined;
  if (application?.is_host !== true || application.is_for__device_type !== row.is_of__device_type) {
    throw messageError(400, HOST_OS_RULE);
  }
}

const VARIANT_TAGS: Readonly<Record<string, string>> = { prod: 'production', dev: 'development' };

/**
 * The OS release a device's first reported `os_version` and `os_variant` name (balena matches the
 * host application's `version` and `variant` release tags), or undefined.
 */
export function reportedOsRelease(store: Store, device: Row, osVersion: string, osVariant: string): number | undefined {
  const version = osVersion
    .replace(/(resin|balena)\s*os\s*/gi, '')
    .replace(/\s+\(\w+\)$/, '')
    .replace(/^v/, '');
  const variant = VARIANT_TAGS[osVariant] ?? osVariant;
  for (const host of store.referencing('application', 'is_for__device_type', device.is_of__device_type as number)) {
    if (host.is_host !== true) continue;
    for (const release of store.referencing('release', 'belongs_to__application', host.id)) {
      if (release.status !== 'success') continue;
      const tags = store.referencing('release_tag', 'release', release.id);
      const tagged = (key: string) => tags.find((tag) => tag.tag_key === key)?.value;
      const releaseVariant = tagged('variant');
      if (tagged('version') === version && (releaseVariant === undefined || releaseVariant === variant)) {
        return release.id;
      }
    }
  }
  return undefined;
}
