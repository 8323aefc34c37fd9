import { baseFields, boolean, date, integer, keyValueFields, link, reverse, text } from './field-builders.js';
import type { ResourceDefinition } from './schema-types.js';

const base = baseFields;

/** Users, organizations, keys and fleets. */
export const fleetResources: ResourceDefinition[] = [
  { name: 'actor', fields: base(), navigations: [], unique: [], alternateKeys: [] },
  {
    name: 'user',
    fields: [
      ...base(),
      link('actor', 'actor', 'keep', { readOnly: true }),
      text('username', { required: true }),
      text('email', { required: true }),
    ],
    navigations: [
      reverse('organization_membership', 'organization_membership', 'user'),
      reverse('user__has__public_key', 'user__has__public_key', 'user'),
    ],
    unique: [['username'], ['email']],
    alternateKeys: ['username'],
  },
  {
    name: 'organization',
    fields: [...base(), text('name', { required: true }), text('handle', { required: true })],
    navigations: [
      reverse('application', 'application', 'organization'),
      reverse('organization_membership', 'organization_membership', 'is_member_of__organization'),
    ],
    unique: [['handle']],
    alternateKeys: ['handle'],
  },
  {
    name: 'organization_membership',
    fields: [
      ...base(),
      link('user', 'user', 'cascade', { required: true }),
      link('is_member_of__organization', 'organization', 'cascade', { required: true }),
      link('organization_membership_role', 'organization_membership_role', 'keep', { required: true }),
    ],
    navigations: [],
    unique: [['user', 'is_member_of__organization']],
    alternateKeys: ['user', 'is_member_of__organization'],
  },
  {
    name: 'organization_membership_role',
    fields: [{ name: 'id', type: 'serial' }, text('name', { required: true })],
    navigations: [reverse('is_of__organization_membership', 'organization_membership', 'organization_membership_role')],
    unique: [['name']],
    alternateKeys: ['name'],
  },
  {
    name: 'api_key',
    fields: [
      ...base(),
      text('key', { readOnly: true }),
      date('expiry_date'),
      link('is_of__actor', 'actor', 'cascade', { readOnly: true }),
      text('name'),
      text('description'),
    ],
    navigations: [],
    unique: [['key']],
    alternateKeys: [],
  },
  {
    name: 'user__has__public_key',
    fields: [
      ...base(),
      link('user', 'user', 'cascade', { required: true }),
      text('public_key', { required: true }),
      text('title', { required: true }),
    ],
    navigations: [],
    unique: [],
    alternateKeys: [],
  },
  {
    name: 'application_type',
    fields: [
      ...base(),
      text('name', { required: true }),
      text('slug', { required: true }),
      text('description'),
      boolean('supports_gateway_mode'),
      boolean('supports_multicontainer', { defaultValue: true }),
      boolean('supports_web_url', { defaultValue: true }),
      boolean('is_legacy'),
      boolean('requires_payment'),
      text('needs__os_version_range'),
      integer('maximum_device_count'),
    ],
    navigations: [],
    unique: [['slug']],
    alternateKeys: ['slug'],
  },
  {
    name: 'application',
    fields: [
      ...base(),
      link('actor', 'actor', 'keep', { readOnly: true }),
      boolean('should_track_latest_release', { defaultValue: true }),
      text('is_of__class', { defaultValue: 'fleet' }),
      link('organization', 'organization', 'cascade', { required: true }),
      text('app_name', { required: true }),
      text('slug', { readOnly: true }),
      link('is_for__device_type', 'device_type', 'keep', { required: true }),
      link('should_be_running__release', 'release', 'set-null'),
      link('application_type', 'application_type', 'keep', { defaultValue: 1 }),
      boolean('is_host'),
      boolean('is_archived'),
      text('uuid'),
      boolean('is_public'),
      date('is_accessible_by_support_until__date', { hidden: true }),
    ],
    navigations: [
      reverse('owns__device', 'device', 'belongs_to__application'),
      reverse('owns__release', 'release', 'belongs_to__application'),
      reverse('service', 'service', 'application'),
      reverse('application_tag', 'application_tag', 'application'),
      reverse('application_environment_variable', 'application_environment_variable', 'application'),
      reverse('application_config_variable', 'application_config_variable', 'application'),
      reverse('build_environment_variable', 'build_environment_variable', 'application'),
      {
        name: 'is_directly_accessible_by__user',
        target: 'user',
        resolve: (row, lookup) =>
          lookup
            .referencing('organization_membership', 'is_member_of__organization', row.organization as number)
            .map((membership) => lookup.get('user', membership.user as number))
            .filter((user) => user !== undefined),
      },
    ],
    unique: [['slug'], ['uuid']],
    alternateKeys: ['slug', 'uuid'],
  },
  {
    name: 'application_tag',
    fields: keyValueFields('application', 'application', 'tag_key'),
    navigations: [],
    unique: [['application', 'tag_key']],
    alternateKeys: [],
  },
  {
    name: 'application_environment_variable',
    fields: keyValueFields('application', 'application', 'name'),
    navigations: [],
    unique: [['application', 'name']],
    alternateKeys: [],
  },
  {
    name: 'application_config_variable',
    fields: keyValueFields('application', 'application', 'name'),
    navigations: [],
    unique: [['application', 'name']],
    alternateKeys: [],
  },
  {
    name: 'build_environment_variable',
    fields: keyValueFields('application', 'application', 'name'),
    navigations: [],
    unique: [['application', 'name']],
    alternateKeys: [],
  },
];
