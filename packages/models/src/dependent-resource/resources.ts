import type { Filter, ODataOptions } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import type { DeviceIdentifier } from '../internal/device.js';
import type { ServiceIdentifier } from '../internal/service.js';
import type { DeviceServiceIdentifier } from '../internal/service-install.js';
import type { ReleaseIdentifier } from '../types/release.js';
import { applicationParent } from './application-parent.js';
import {
  type DependentResource,
  type DeviceOwnedResource,
  dependentResource,
  type OrganizationOwnedResource,
} from './definition.js';
import { deviceParent } from './device-parent.js';
import { BUILD_VARIABLE_RULES, CONFIG_VARIABLE_RULES, ENVIRONMENT_VARIABLE_RULES, TAG_RULES } from './name-rules.js';
import { organizationMembershipParent } from './organization-parent.js';
import { ownedVia } from './owner-filter.js';
import type { ParentKind } from './parent-kind.js';
import { releaseParent } from './release-parent.js';
import { serviceInstallParent } from './service-install-parent.js';
import { serviceParent } from './service-parent.js';

// The dependent resources (key/value rows under a parent: variables and tags): for each, its parent
// field, its key field and rules, and how its rows are reached from an application. Each model's
// entry file uses one of these; scripts/dependent-resources.mjs declares their public functions.

const ownApplication = (applicationId: number) => ({ application: applicationId });
const ofApplicationDevices = /* @__PURE__ */ ownedVia(['device'], 'belongs_to__application');

// Where the rows of a device's and of an application's resources hang: the same for their variables and
// tags. Made by pure calls rather than shared objects spread in, which a bundler would keep.
function childrenOf<P>(parentField: string, parent: ParentKind<P>, byApplication: (applicationId: number) => Filter) {
  return (resource: string) => ({ resource, parentField, parent, byApplication });
}
const ofDevice = /* @__PURE__ */ childrenOf('device', deviceParent, ofApplicationDevices);
const ofApplication = /* @__PURE__ */ childrenOf('application', applicationParent, ownApplication);

/** `device_environment_variable`: variables of one device. */
export const deviceEnvironmentVariables: DependentResource<DeviceIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofDevice('device_environment_variable'),
  ENVIRONMENT_VARIABLE_RULES,
);

/** `device_config_variable`: `BALENA_`/`RESIN_` settings of one device. */
export const deviceConfigVariables: DependentResource<DeviceIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofDevice('device_config_variable'),
  CONFIG_VARIABLE_RULES,
);

/** `application_environment_variable`: variables every device of an application receives. */
export const applicationEnvironmentVariables: DependentResource<ApplicationIdentifier> =
  /* @__PURE__ */ dependentResource(
    /* @__PURE__ */ ofApplication('application_environment_variable'),
    ENVIRONMENT_VARIABLE_RULES,
  );

/** `application_config_variable`: `BALENA_`/`RESIN_` settings of an application. */
export const applicationConfigVariables: DependentResource<ApplicationIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofApplication('application_config_variable'),
  CONFIG_VARIABLE_RULES,
);

/** `build_environment_variable`: variables the builder passes to every image build of an application. */
export const applicationBuildVariables: DependentResource<ApplicationIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofApplication('build_environment_variable'),
  BUILD_VARIABLE_RULES,
);

/** `service_environment_variable`: variables of one service on every device. */
export const serviceEnvironmentVariables: DependentResource<ServiceIdentifier> = /* @__PURE__ */ dependentResource(
  {
    resource: 'service_environment_variable',
    parentField: 'service',
    parent: serviceParent,
    byApplication: /* @__PURE__ */ ownedVia(['service'], 'application'),
  },
  ENVIRONMENT_VARIABLE_RULES,
);

// balena's Python SDK returned each device service variable with its service's name; the API needs the expand.
const WITH_SERVICE_NAME: ODataOptions = {
  $expand: { service_install: { $select: 'id', $expand: { installs__service: { $select: ['id', 'service_name'] } } } },
};

/** `device_service_environment_variable`: variables of one service on one device (its service install). */
export const deviceServiceEnvironmentVariables: DeviceOwnedResource<DeviceServiceIdentifier> =
  /* @__PURE__ */ dependentResource(
    {
      resource: 'device_service_environment_variable',
      parentField: 'service_install',
      parent: serviceInstallParent,
      byApplication: /* @__PURE__ */ ownedVia(['service_install', 'device'], 'belongs_to__application'),
      byDevice: /* @__PURE__ */ ownedVia(['service_install'], 'device'),
      defaults: WITH_SERVICE_NAME,
    },
    ENVIRONMENT_VARIABLE_RULES,
  );

/** `device_tag`: tags of one device. */
export const deviceTags: DependentResource<DeviceIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofDevice('device_tag'),
  TAG_RULES,
);

/** `application_tag`: tags of one application. */
export const applicationTags: DependentResource<ApplicationIdentifier> = /* @__PURE__ */ dependentResource(
  /* @__PURE__ */ ofApplication('application_tag'),
  TAG_RULES,
);

/** `release_tag`: tags of one release. */
export const releaseTags: DependentResource<ReleaseIdentifier> = /* @__PURE__ */ dependentResource(
  {
    resource: 'release_tag',
    parentField: 'release',
    parent: releaseParent,
    byApplication: /* @__PURE__ */ ownedVia(['release'], 'belongs_to__application'),
  },
  TAG_RULES,
);

/** `organization_membership_tag`: tags of one organization membership (balena-cloud). */
export const organizationMembershipTags: OrganizationOwnedResource<number> = /* @__PURE__ */ dependentResource(
  {
    resource: 'organization_membership_tag',
    parentField: 'organization_membership',
    parent: organizationMembershipParent,
    byOrganization: /* @__PURE__ */ ownedVia(['organization_membership'], 'is_member_of__organization'),
  },
  TAG_RULES,
);
