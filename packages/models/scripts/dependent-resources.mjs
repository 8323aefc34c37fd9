// The public surface of each dependent resource (variables and tags), declared once. The generator
// (generate-dependent-resources.mjs) writes each resource's entry file and operations from this
// table; where its rows live and what rules their keys follow is `src/dependent-resource/resources.ts`.
//
// Adding a resource: its runtime definition in resources.ts, one entry below, its subpath in
// package.json `exports`, then `node scripts/generate-dependent-resources.mjs`.
//
// Fields:
// - entry: the file name and subpath (`@balena-ts/models/<entry>`)
// - definition: the constant of resources.ts
// - header: the entry file's opening comment (the balena Python SDK's namespace, and what the rows are)
// - kind: 'variable' (key `name`, removable by row id, updatable by row id) or 'tag' (key `tagKey`)
// - noun: what one row is called in the docs
// - parent: how a caller names the row's parent (a key of PARENTS in the generator)
// - createParent: another form for `create` only (the balena Python SDK's service variables took an application and a service name)
// - row: the row type and where it is declared; rowFields: the shared fields type exported with it
// - lists: the listing functions, in order, each `[name, rows]`: rows 'all' (every row), 'parent' (one
//   parent's rows), 'owner' (one device's rows, through its service installs), 'application' (every row
//   under an application), or the name of an earlier listing, which is re-exported under the balena Python SDK's other name
// - setForDevices: whether the resource has the bulk write of device parents
// - exports: further exports of the entry file
// - example: the values of the docs' examples
// - nameRule: how the docs describe a valid key, for create and set

/** @type {import('./generate-dependent-resources.mjs').ResourceDeclaration[]} */
export const RESOURCES = [
  {
    entry: 'application-env-variable',
    definition: 'applicationEnvironmentVariables',
    header: [
      'Application environment variables (balena Python SDK `balena.models.environment_variables.application`):',
      'variables every device of the application receives.',
    ],
    kind: 'variable',
    noun: 'environment variable',
    parent: 'application',
    row: { type: 'ApplicationEnvironmentVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAll', 'parent'],
      ['getAllByApplication', 'getAll'],
    ],
    exports: [
      "export {\n  isSystemVariable,\n  RESERVED_VARIABLE_NAMES,\n  RESERVED_VARIABLE_PREFIXES,\n} from './dependent-resource/name-rules.js';",
    ],
    example: { key: 'LOG_LEVEL', value: 'debug', newValue: 'info', id: 5652 },
    nameRule: 'environment',
  },
  {
    entry: 'application-config-variable',
    definition: 'applicationConfigVariables',
    header: [
      'Application config variables (balena Python SDK `balena.models.config_variable.application_config_variable`):',
      'the `BALENA_`/`RESIN_` settings every device of the application applies.',
    ],
    kind: 'variable',
    noun: 'config variable',
    parent: 'application',
    row: { type: 'ApplicationConfigVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAll', 'parent'],
      ['getAllByApplication', 'getAll'],
    ],
    example: { key: 'BALENA_SUPERVISOR_POLL_INTERVAL', value: '900000', newValue: '600000', id: 5653 },
    nameRule: 'config',
  },
  {
    entry: 'application-build-variable',
    definition: 'applicationBuildVariables',
    header: [
      "Application build variables (the official balena SDK's `balena.models.application.buildVar`):",
      'variables the builder passes to every image build of the application.',
    ],
    kind: 'variable',
    noun: 'build variable',
    parent: 'application',
    row: { type: 'ApplicationBuildVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAllByApplication', 'parent'],
      ['getAll', 'getAllByApplication'],
    ],
    example: { key: 'NODE_VERSION', value: '20', newValue: '22', id: 7310 },
    nameRule: 'build',
  },
  {
    entry: 'device-env-variable',
    definition: 'deviceEnvironmentVariables',
    header: ['Device environment variables (balena Python SDK `balena.models.environment_variables.device`).'],
    kind: 'variable',
    noun: 'environment variable',
    parent: 'device',
    row: { type: 'DeviceEnvironmentVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAll', 'parent'],
      ['getAllByDevice', 'getAll'],
      ['getAllByApplication', 'application'],
    ],
    setForDevices: true,
    example: { key: 'MODE', value: 'eco', newValue: 'full', id: 2184 },
    nameRule: 'environment',
  },
  {
    entry: 'device-config-variable',
    definition: 'deviceConfigVariables',
    header: [
      'Device config variables (balena Python SDK `balena.models.config_variable.device_config_variable`): the',
      '`BALENA_`/`RESIN_` settings the supervisor and the OS read, for one device.',
    ],
    kind: 'variable',
    noun: 'config variable',
    parent: 'device',
    row: { type: 'DeviceConfigVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAll', 'parent'],
      ['getAllByDevice', 'getAll'],
      ['getAllByApplication', 'application'],
    ],
    setForDevices: true,
    example: { key: 'BALENA_SUPERVISOR_POLL_INTERVAL', value: '900000', newValue: '600000', id: 2185 },
    nameRule: 'config',
  },
  {
    entry: 'service-env-variable',
    definition: 'serviceEnvironmentVariables',
    header: [
      'Service environment variables (balena Python SDK `balena.models.environment_variables.service_environment_variable`):',
      'variables one service of an application receives on every device.',
    ],
    kind: 'variable',
    noun: 'environment variable',
    parent: 'service',
    createParent: 'applicationService',
    row: { type: 'ServiceEnvironmentVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAllByApplication', 'application'],
      ['getAllByService', 'parent'],
    ],
    example: { key: 'APP_PROXY', value: 'on', newValue: 'off', id: 12444 },
    nameRule: 'environment',
  },
  {
    entry: 'device-service-env-variable',
    definition: 'deviceServiceEnvironmentVariables',
    header: [
      'Device service environment variables (balena Python SDK',
      '`balena.models.environment_variables.device_service_environment_variable`): variables of one',
      "service on one device, stored under the device's service install.",
    ],
    kind: 'variable',
    noun: 'environment variable',
    parent: 'deviceService',
    row: { type: 'DeviceServiceEnvironmentVariable', from: './types/variable.js', fields: 'VariableFields' },
    lists: [
      ['getAll', 'owner'],
      ['getAllByDevice', 'getAll'],
      ['getAllByApplication', 'application'],
    ],
    example: { key: 'DEV_DATA', value: 'test1', newValue: 'test2', id: 28970 },
    nameRule: 'environment',
  },
  {
    entry: 'device-tag',
    definition: 'deviceTags',
    header: ['Device tags (balena Python SDK `balena.models.tag.device`).'],
    kind: 'tag',
    noun: 'tag',
    parent: 'device',
    row: { type: 'DeviceTag', from: './types/tag.js', fields: 'TagFields' },
    lists: [
      ['getAll', 'all'],
      ['getAllByDevice', 'parent'],
      ['getAllByApplication', 'application'],
    ],
    setForDevices: true,
    example: { key: 'location', value: 'lab', newValue: 'office' },
    nameRule: 'tag',
  },
  {
    entry: 'application-tag',
    definition: 'applicationTags',
    header: ['Application tags (balena Python SDK `balena.models.tag.application`).'],
    kind: 'tag',
    noun: 'tag',
    parent: 'application',
    row: { type: 'ApplicationTag', from: './types/tag.js', fields: 'TagFields' },
    lists: [
      ['getAll', 'all'],
      ['getAllByApplication', 'parent'],
    ],
    example: { key: 'owner', value: 'team-a', newValue: 'team-b' },
    nameRule: 'tag',
  },
  {
    entry: 'release-tag',
    definition: 'releaseTags',
    header: ['Release tags (balena Python SDK `balena.models.tag.release`).'],
    kind: 'tag',
    noun: 'tag',
    parent: 'release',
    row: { type: 'ReleaseTag', from: './types/tag.js', fields: 'TagFields' },
    lists: [
      ['getAll', 'all'],
      ['getAllByRelease', 'parent'],
      ['getAllByApplication', 'application'],
    ],
    example: { key: 'version', value: '1.2.3', newValue: '1.2.4' },
    nameRule: 'tag',
  },
  {
    entry: 'organization-membership-tag',
    definition: 'organizationMembershipTags',
    header: [
      'Organization membership tags (balena-sdk `balena.models.organization.membership.tags`): key/value',
      "labels on a member's membership of an organization, written by the organization's administrators.",
    ],
    kind: 'tag',
    noun: 'tag',
    parent: 'organizationMembership',
    row: { type: 'OrganizationMembershipTag', from: './types/tag.js', fields: 'TagFields' },
    lists: [
      ['getAllByOrganization', 'organization'],
      ['getAllByOrganizationMembership', 'parent'],
    ],
    example: { key: 'team', value: 'field', newValue: 'office' },
    nameRule: 'tag',
  },
];
