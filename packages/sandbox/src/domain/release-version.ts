import type { Row } from '../store/row.js';

function core(release: Row): string {
  const prerelease = release.semver_prerelease ? `-${release.semver_prerelease}` : '';
  return `${release.semver_major ?? 0}.${release.semver_minor ?? 0}.${release.semver_patch ?? 0}${prerelease}`;
}

/** The release's semver: `major.minor.patch[-prerelease][+build]`. */
export function releaseSemver(release: Row): string {
  return release.semver_build ? `${core(release)}+${release.semver_build}` : core(release);
}

/**
 * The release's `raw_version`: the semver plus `+revN` for a final release, or the semver plus the
 * creation time for a draft, so that drafts of the same version never collide (as balena does).
 */
export function rawVersion(release: Row): string {
  if (release.is_final !== true) {
    return `${core(release)}-${Date.parse(String(release.created_at))}`;
  }
  if (release.semver_build) return `${core(release)}+${release.semver_build}`;
  const revision = Number(release.revision ?? 0);
  return revision > 0 ? `${core(release)}+rev${revision}` : core(release);
}

/** The release's `version` object. */
export function releaseVersion(release: Row): Record<string, unknown> {
  const raw = rawVersion(release);
  const [, build = ''] = raw.split('+');
  return {
    raw,
    major: release.semver_major ?? 0,
    minor: release.semver_minor ?? 0,
    patch: release.semver_patch ?? 0,
    prerelease: release.semver_prerelease ? String(release.semver_prerelease).split('.') : [],
    build: build ? build.split('.') : [],
    version: raw,
  };
}
