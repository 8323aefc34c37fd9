import { applicationInviteResources } from './schema-application-invites.js';
import { billingResources } from './schema-billing.js';
import { catalogResources } from './schema-catalog.js';
import { deviceResources } from './schema-device.js';
import { deviceHistoryResources } from './schema-device-history.js';
import { fleetResources } from './schema-fleet.js';
import { organizationResources } from './schema-organization.js';
import { releaseResources } from './schema-release.js';
import { releaseAssetResources } from './schema-release-assets.js';
import { teamNavigations, teamResourceAliases, teamResources } from './schema-teams.js';
import type { FieldDefinition, NavigationDefinition, ResourceDefinition } from './schema-types.js';

/** A resource with navigations another schema file adds to it (the resources it links to). */
function withNavigations(resource: ResourceDefinition, extra: NavigationDefinition[] | undefined): ResourceDefinition {
  return extra ? { ...resource, navigations: [...resource.navigations, ...extra] } : resource;
}

/** Every resource of the `/v7` API, by name. */
export const RESOURCES: ReadonlyMap<string, ResourceDefinition> = new Map(
  [
    ...fleetResources,
    ...deviceResources,
    ...releaseResources,
    ...catalogResources,
    ...billingResources,
    ...organizationResources,
    ...teamResources,
    ...applicationInviteResources,
    ...deviceHistoryResources,
    ...releaseAssetResources,
  ].map((resource) => [resource.name, withNavigations(resource, teamNavigations.get(resource.name))]),
);

/** Other names balena accepts for a resource in the URL. */
export const RESOURCE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['release_image', 'image__is_part_of__release'],
  ...teamResourceAliases,
  ['application_invite', 'invitee__is_invited_to__application'],
]);

/** The canonical resource for a URL name, or undefined. */
export function resolveResourceName(name: string): string | undefined {
  const canonical = RESOURCE_ALIASES.get(name) ?? name;
  return RESOURCES.has(canonical) ? canonical : undefined;
}

/** A resource definition that is known to exist. */
export function resourceDefinition(name: string): ResourceDefinition {
  const resource = RESOURCES.get(name);
  if (!resource) throw new Error(`unknown resource ${name}`);
  return resource;
}

const fieldIndex = new Map<string, Map<string, FieldDefinition>>();
const navigationIndex = new Map<string, Map<string, NavigationDefinition>>();
for (const resource of RESOURCES.values()) {
  fieldIndex.set(resource.name, new Map(resource.fields.map((field) => [field.name, field])));
  navigationIndex.set(resource.name, new Map(resource.navigations.map((navigation) => [navigation.name, navigation])));
}

/** A field of a resource, or undefined. */
export function findField(resource: string, name: string): FieldDefinition | undefined {
  return fieldIndex.get(resource)?.get(name);
}

/** A navigation of a resource (a link field counts as one), or undefined. */
export function findNavigation(resource: string, name: string): NavigationDefinition | FieldDefinition | undefined {
  const field = findField(resource, name);
  if (field?.type === 'link') return field;
  return navigationIndex.get(resource)?.get(name);
}
