import { randomHex } from '../auth/random.js';
import { checkSuccessfulCommit } from '../domain/release-commit.js';
import {
  finalizeRelease,
  parseReleaseBody,
  rawVersion,
  releaseSemver,
  releaseVersion,
} from '../domain/release-version.js';
import { isTrackable, TRACKING_FIELDS, trackLatestRelease } from '../domain/track-latest-release.js';
import { checkEnvironmentVariable, checkTag } from '../domain/variable-rules.js';
import { messageError } from '../http/http-error.js';
import { baseFields, columns, keyValueResource, resource, reverseLinks } from './field-builders.js';
import { byField, fleetScoped, type Owner, via } from './resource-policy.js';
import type { ResourceDefinition } from './schema-types.js';

const base = baseFields;
const fleetOfRelease: Owner = byField('belongs_to__application');
const fleetOfService: Owner = byField('application');
/** What a release's revision is counted within (balena's unique rule on revisions). */
const VERSION_IDENTITY = [
  'belongs_to__application',
  'semver_major',
  'semver_minor',
  'semver_patch',
  'semver_prerelease',
  'variant',
];

/** Releases, services and images, as the balena CLI's deploy creates them. */
export const releaseResources: ResourceDefinition[] = [
  resource({
    name: 'release',
    fields: [
      ...base(),
      ...columns(
        `
        belongs_to__application  -> application cascade required
        commit                   text     required
        composition              json     default={}
        status                   text     required
        source                   text     default="cloud"
        build_log                text
        is_invalidated           boolean
        start_timestamp          date
        update_timestamp         date
        end_timestamp            date
        phase                    text
        semver_major             integer  default=0
        semver_minor             integer  default=0
        semver_patch             integer  default=0
        semver_prerelease        text     default=""
        semver_build             text     default=""
        variant                  text     default=""
        revision                 integer
        known_issue_list         json
        raw_version              text     computed
        version                  json     computed
        is_final                 boolean  default=true
        is_finalized_at__date    date
        note                     text
        invalidation_reason      text
        is_passing_tests         boolean  default=true
        release_version          text
        contract                 json
        is_created_by__user      -> user set-null
        semver                   text     computed
      `,
        { raw_version: rawVersion, version: releaseVersion, semver: releaseSemver },
      ),
    ],
    navigations: reverseLinks(`
        release_tag                        <- release_tag.release
        release_asset                      <- release_asset.release
        release_image                      <- image__is_part_of__release.is_part_of__release
        contains__image                    <- image__is_part_of__release.is_part_of__release
        image_install                      <- image_install.is_provided_by__release
        is_running_on__device              <- device.is_running__release
        should_be_running_on__application  <- application.should_be_running__release
      `),
    policy: fleetScoped({ application: fleetOfRelease, publicHost: 'guests-and-keys' }),
    hooks: {
      parseBody: parseReleaseBody,
      beforeInsert: (store, row) => {
        if (typeof row.commit !== 'string' || row.commit === '') row.commit = randomHex(32);
        // Releases are final unless created as drafts (balena: `is_final` defaults to true).
        if (row.is_final === false) row.revision = null;
        else finalizeRelease(store, row);
      },
      beforeUpdate: (store, next, previous) => {
        const final = previous.revision !== null && previous.revision !== undefined;
        if (final && next.is_final === false) {
          throw messageError(400, 'Finalized releases cannot be converted to draft.');
        }
        if (next.is_final !== true) return;
        const versionChanged = VERSION_IDENTITY.some((field) => (next[field] ?? '') !== (previous[field] ?? ''));
        if (!final || versionChanged) {
          next.revision = null;
          finalizeRelease(store, next);
        }
      },
      rules: checkSuccessfulCommit,
      afterInsert: (store, row) => {
        if (isTrackable(row)) trackLatestRelease(store, row.belongs_to__application as number);
      },
      afterUpdate: (store, next, previous) => {
        if (TRACKING_FIELDS.some((field) => next[field] !== previous[field])) {
          trackLatestRelease(store, next.belongs_to__application as number);
        }
      },
    },
  }),
  keyValueResource(
    'release_tag',
    { field: 'release', resource: 'release', key: 'tag_key' },
    fleetScoped({ application: via('release', 'release', fleetOfRelease), publicHost: 'guests-and-keys' }),
    checkTag('release'),
  ),
  resource({
    name: 'service',
    fields: [
      ...base(),
      ...columns(`
        application   -> application cascade required
        service_name  text     required
      `),
    ],
    navigations: reverseLinks(`
        service_environment_variable  <- service_environment_variable.service
        service_install               <- service_install.installs__service
        is_built_by__image            <- image.is_a_build_of__service
        image                         <- image.is_a_build_of__service
      `),
    unique: [['application', 'service_name']],
    policy: fleetScoped({ application: fleetOfService }),
  }),
  keyValueResource(
    'service_environment_variable',
    { field: 'service', resource: 'service', key: 'name' },
    fleetScoped({ application: via('service', 'service', fleetOfService) }),
    checkEnvironmentVariable,
  ),
  resource({
    name: 'image',
    fields: [
      ...base(),
      ...columns(`
        start_timestamp               date
        end_timestamp                 date
        dockerfile                    text
        image_size                    integer
        is_a_build_of__service        -> service cascade required
        project_type                  text
        error_message                 text
        build_log                     text     hidden
        push_timestamp                date
        status                        text     default="success"
        content_hash                  text
        contract                      json
        is_stored_at__image_location  text     default=""
      `),
    ],
    navigations: reverseLinks(`
        release_image        <- image__is_part_of__release.image
        is_part_of__release  <- image__is_part_of__release.image
        image_install        <- image_install.installs__image
      `),
    // The supervisor images of the public `balena_os/<arch>-supervisor` fleets are public, as their releases.
    policy: fleetScoped({
      application: via('service', 'is_a_build_of__service', fleetOfService),
      publicHost: 'guests-and-keys',
    }),
  }),
  resource({
    name: 'image__is_part_of__release',
    fields: [
      ...base(),
      ...columns(`
        image                -> image cascade required
        is_part_of__release  -> release cascade required
      `),
    ],
    unique: [['image', 'is_part_of__release']],
    policy: fleetScoped({
      application: via('release', 'is_part_of__release', fleetOfRelease),
      publicHost: 'guests-and-keys',
    }),
  }),
];
