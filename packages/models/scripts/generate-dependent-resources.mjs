#!/usr/bin/env node
// Writes the entry file of every dependent resource declared in dependent-resources.mjs,
// `src/<entry>.ts`: its re-exported types, and one TSDoc'd function declaration per operation whose
// body is one call of the generic code in `src/dependent-resource/`. Function declarations, rather
// than functions made by a factory, keep what api-extractor reports (functions with overloads) and
// let a bundler drop each unused operation.
//
//   node scripts/generate-dependent-resources.mjs   (the package's `build` runs it before tsc)
//
// The files are build output, like dist/: git ignores them, so the declarations in
// dependent-resources.mjs are the only copy of each resource that anyone edits or reviews. A file is
// rewritten only when its content changes, so tsc's incremental build is not disturbed. The output
// goes through biome (format and import order) so that it reads like the hand-written entries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESOURCES } from './dependent-resources.mjs';

/**
 * @typedef {object} ResourceDeclaration
 * @property {string} entry
 * @property {string} definition
 * @property {string[]} header
 * @property {'variable' | 'tag'} kind
 * @property {string} noun
 * @property {keyof typeof PARENTS} parent
 * @property {keyof typeof PARENTS} [createParent]
 * @property {{ type: string, from: string, fields: string }} row
 * @property {[string, string][]} lists
 * @property {boolean} [setForDevices]
 * @property {string[]} [exports]
 * @property {{ key: string, value: string, newValue: string, id?: number }} example
 * @property {'environment' | 'config' | 'tag' | 'build'} nameRule
 */

const PACKAGE_DIRECTORY = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const REPOSITORY_DIRECTORY = path.resolve(PACKAGE_DIRECTORY, '../..');
const BIOME = path.join(REPOSITORY_DIRECTORY, 'node_modules/.bin/biome');

const APPLICATION_IDENTIFIER = "export type { ApplicationIdentifier } from './internal/application.js';";
const DEVICE_IDENTIFIER = "export type { DeviceIdentifier } from './internal/device.js';";

// How a caller names a parent: its parameters, the value handed to the generic operations, the
// words of the docs, and the types an entry file re-exports for it.
const PARENTS = {
  application: {
    parameters: [['slugOrUuidOrIdOrName', 'ApplicationIdentifier', 'the application: an id, a slug, a uuid or a name']],
    of: 'an application',
    ofApplication: 'an application',
    errors: 'ApplicationNotFound, AmbiguousApplication',
    example: "'admin/my-fleet'",
    typeExports: [APPLICATION_IDENTIFIER, "export type { ApplicationReference } from './types/parent-reference.js';"],
  },
  device: {
    parameters: [['uuidOrId', 'DeviceIdentifier', 'the device: a numeric id or a full uuid']],
    of: 'a device',
    ofApplication: 'every device of an application',
    errors: 'DeviceNotFound',
    example: 'uuid',
    typeExports: [
      APPLICATION_IDENTIFIER,
      DEVICE_IDENTIFIER,
      "export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';",
    ],
  },
  release: {
    parameters: [
      [
        'commitOrIdOrRawVersion',
        'ReleaseIdentifier',
        'the release: an id, a full commit, or `{ application, rawVersion }`',
      ],
    ],
    of: 'a release',
    ofApplication: 'every release of an application',
    errors: 'ReleaseNotFound, AmbiguousRelease',
    example: "'7dba4e0c461215374edad74a5b78f470'",
    typeExports: [
      APPLICATION_IDENTIFIER,
      "export type { ReleaseIdentifier } from './types/release.js';",
      "export type { ReleaseReference } from './types/release-reference.js';",
    ],
  },
  service: {
    parameters: [['serviceIdOrNaturalKey', 'ServiceIdentifier', 'a service id, or `{ application, service_name }`']],
    of: 'a service',
    ofApplication: 'every service of an application',
    errors: 'ServiceNotFound; ApplicationNotFound for the `{ application, service_name }` form',
    example: "{ application: 'admin/my-fleet', service_name: 'proxy' }",
    typeExports: [
      APPLICATION_IDENTIFIER,
      "export type { ServiceIdentifier } from './internal/service.js';",
      "export type { ApplicationReference } from './types/parent-reference.js';",
      "export type { Service } from './types/service.js';",
    ],
  },
  applicationService: {
    parameters: [
      ['slugOrUuidOrIdOrName', 'ApplicationIdentifier', 'the application: an id, a slug, a uuid or a name'],
      ['serviceName', 'string', "the service's name in the application's compose file"],
    ],
    value: '{ application: slugOrUuidOrIdOrName, service_name: serviceName }',
    of: 'a service of an application',
    errors: 'ApplicationNotFound, AmbiguousApplication, ServiceNotFound',
    example: "'admin/my-fleet', 'proxy'",
  },
  deviceService: {
    parameters: [
      ['uuidOrId', 'DeviceIdentifier', 'the device: a numeric id or a full uuid'],
      ['serviceNameOrId', 'string | number', "the service's name or id"],
    ],
    value: '{ device: uuidOrId, service: serviceNameOrId }',
    of: 'a service on a device',
    ofApplication: 'the services of every device of an application',
    errors: 'DeviceNotFound; ServiceNotFound when the device does not run that service; AmbiguousDevice',
    example: "uuid, 'data'",
    typeExports: [
      "export type { DeviceServiceIdentifier } from './internal/service-install.js';",
      APPLICATION_IDENTIFIER,
      DEVICE_IDENTIFIER,
      "export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';",
      "export type { Service, ServiceInstall } from './types/service.js';",
    ],
  },
  organizationMembership: {
    parameters: [['membershipId', 'number', 'the organization membership id']],
    of: 'an organization membership',
    ofOrganization: 'every membership of an organization',
    errors: 'OrganizationMembershipNotFound',
    example: '17',
    typeExports: ["export type { OrganizationMembershipReference } from './types/tag.js';"],
  },
};

const NAME_RULES = {
  environment: 'letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`',
  config: 'must start with `BALENA_` or `RESIN_`; letters, digits, `_` and `:` (not first)',
  tag: 'the tag key: non-empty, without whitespace, not starting with `io.resin.` or `io.balena.`',
  build: 'any non-empty name (balena applies no naming rule to build variables)',
};

/** The words every template uses for one resource. */
function vocabulary(resource) {
  const parent = PARENTS[resource.parent];
  const isVariable = resource.kind === 'variable';
  return {
    parent,
    key: isVariable ? 'name' : 'tagKey',
    keyWord: isVariable ? 'name' : 'key',
    keyDoc: isVariable ? 'the variable name' : 'the tag key',
    rulesChecked: isVariable ? 'The name and value rules are checked first.' : 'The key rules are checked first.',
    valueDoc: isVariable && resource.nameRule !== 'build' ? 'the value, without line breaks' : 'the value (any string)',
    noun: resource.noun,
    nouns: `${resource.noun}s`,
    row: resource.row.type,
    definition: resource.definition,
    example: resource.example,
  };
}

function parameterList(parent) {
  return parent.parameters.map(([name, type]) => `${name}: ${type}`);
}

function parameterDocs(parent) {
  return parent.parameters.map(([name, , doc]) => ` * @param ${name} - ${doc}`);
}

/** The expression handed to the generic operations for a parent given as these parameters. */
function parentValue(parent) {
  return parent.value ?? parent.parameters[0][0];
}

const DOC_WIDTH = 110;

/** Wraps one line of a doc comment; the continuation of a tag is indented under it. */
function wrap(line) {
  if (line.length <= DOC_WIDTH || line.startsWith('const ') || line.startsWith('await ')) return [line];
  const lines = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + word.length + 1 > DOC_WIDTH) {
      lines.push(current);
      current = line.startsWith('@') ? `  ${word}` : word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  return [...lines, current];
}

function doc(lines) {
  const body = lines.flatMap((line) => (line.startsWith(' * ') ? wrap(line.slice(3)) : wrap(line)));
  return ['/**', ...body.map((line) => ` * ${line}`.trimEnd()), ' */'].join('\n');
}

function example(code) {
  return ['@example', '```ts', ...code.split('\n'), '```'];
}

// The listings a resource may have; any other `rows` of a `lists` entry names an earlier listing.
const LISTINGS = { all: true, parent: true, owner: true, application: true, organization: true };

const LIST_OPTIONS = 'options - OData options merged into the query; a literal `$select` narrows the result type';

function listSignature(name, row, parameters) {
  return [
    `export function ${name}<const O extends TypedOptions<${row}> = {}>(`,
    `client: Client, ${parameters.map((parameter) => `${parameter}, `).join('')}options?: O,`,
    `): Promise<Selected<${row}, O>[]> {`,
  ].join('\n');
}

/** The templates: each renders one export of the operations file. */
const OPERATIONS = {
  create(resource, words) {
    const parent = PARENTS[resource.createParent ?? resource.parent];
    const { example: values } = words;
    return [
      doc([
        `Creates ${article(words.noun)} ${words.noun} of ${parent.of} and returns it with its id, as balena's Python SDK did`,
        `(\`POST /v7/${resourceName(resource)}\`). ${words.rulesChecked}`,
        '',
        '@param client - the client',
        ...parameterDocs(parent),
        `@param ${words.key} - ${NAME_RULES[resource.nameRule]}`,
        `@param value - ${words.valueDoc}`,
        `@returns the created ${words.noun}`,
        '@throws InvalidParameter naming the broken rule, before any request',
        `@throws ${parent.errors}`,
        `@throws RequestError with status 409 when the ${words.keyWord} is taken (use {@link set} to overwrite)`,
        ...example(
          `const created = await create(client, ${parent.example}, '${values.key}', '${values.value}');\nawait update(client, created.id, '${values.newValue}');`,
        ),
      ]),
      `export function create(client: Client, ${parameterList(parent).join(', ')}, ${words.key}: string, value: string): Promise<${words.row}> {`,
      `  return write.createRow(client, ${words.definition}, ${parentValue(parent)}, ${words.key}, value);`,
      '}',
    ].join('\n');
  },

  all(_resource, words, name) {
    return [
      doc([
        `Lists every ${words.noun} the caller can read, by ${words.keyWord}.`,
        '',
        '@param client - the client',
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        '@throws InvalidParameter for options that are not OData options, before any request',
        ...example(`const rows = await ${name}(client, { $filter: { tag_key: '${words.example.key}' } });`),
      ]),
      listSignature(name, words.row, []),
      `  return read.getAllRows(client, ${words.definition}, options as ODataOptions);`,
      '}',
    ].join('\n');
  },

  parent(_resource, words, name) {
    const { parent } = words;
    return [
      doc([
        `Lists the ${words.nouns} of ${parent.of}, by ${words.keyWord}.`,
        '',
        '@param client - the client',
        ...parameterDocs(parent),
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        `@throws InvalidParameter for malformed arguments, before any request; ${parent.errors}`,
        ...example(
          `const rows = await ${name}(client, ${parent.example}, { $select: ['${words.key === 'name' ? 'name' : 'tag_key'}', 'value'] });`,
        ),
      ]),
      listSignature(name, words.row, parameterList(parent)),
      `  return read.getRowsByParent(client, ${words.definition}, ${parentValue(parent)}, options as ODataOptions);`,
      '}',
    ].join('\n');
  },

  owner(_resource, words, name) {
    const device = PARENTS.device;
    return [
      doc([
        `Lists the ${words.nouns} of one device, by ${words.keyWord}, each with its service install and`,
        'service name expanded (`service_install[0].installs__service[0].service_name`).',
        '',
        '@param client - the client',
        ...parameterDocs(device),
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        `@throws InvalidParameter for malformed arguments, before any request; ${device.errors}`,
        ...example(`const rows = await ${name}(client, uuid);`),
      ]),
      listSignature(name, words.row, parameterList(device)),
      `  const { byDevice } = ${words.definition};`,
      `  return read.getRowsByOwner(client, ${words.definition}, deviceParent, uuidOrId, byDevice, options as ODataOptions);`,
      '}',
    ].join('\n');
  },

  application(_resource, words, name) {
    const application = PARENTS.application;
    return [
      doc([
        `Lists the ${words.nouns} of ${words.parent.ofApplication}, by ${words.keyWord}.`,
        '',
        '@param client - the client',
        ...parameterDocs(application),
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        `@throws InvalidParameter for malformed arguments, before any request; ${application.errors}`,
        ...example(`const rows = await ${name}(client, ${application.example});`),
      ]),
      listSignature(name, words.row, parameterList(application)),
      `  return read.getRowsByApplication(client, ${words.definition}, slugOrUuidOrIdOrName, options as ODataOptions);`,
      '}',
    ].join('\n');
  },

  organization(_resource, words, name) {
    return [
      doc([
        `Lists the ${words.nouns} of ${words.parent.ofOrganization}, by ${words.keyWord}.`,
        '',
        '@param client - the client',
        '@param handleOrId - the organization: its handle or numeric id',
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        '@throws InvalidParameter for malformed arguments, before any request; OrganizationNotFound',
        ...example(`const rows = await ${name}(client, 'field_team');`),
      ]),
      listSignature(name, words.row, ['handleOrId: string | number']),
      `  return read.getRowsByOrganization(client, ${words.definition}, handleOrId, options as ODataOptions);`,
      '}',
    ].join('\n');
  },

  alias(resource, words, name, target) {
    // An alias re-exports an earlier listing, whose parent is the device for 'owner' listings.
    const rows = resource.lists.find(([listName]) => listName === target)?.[1];
    const parent = rows === 'owner' ? PARENTS.device : words.parent;
    return [
      doc([
        `Today's name for {@link ${target}}: lists the ${words.nouns} of ${parent.of}.`,
        '',
        '@param client - the client',
        ...parameterDocs(parent),
        `@param ${LIST_OPTIONS}`,
        `@returns the ${words.nouns}`,
        `@throws InvalidParameter for malformed arguments, before any request; ${parent.errors}`,
        ...example(`const rows = await ${name}(client, ${parent.example});`),
      ]),
      `export const ${name}: typeof ${target} = ${target};`,
    ].join('\n');
  },

  get(_resource, words) {
    const { parent, example: values } = words;
    return [
      doc([
        `Reads the value of one ${words.noun} of ${parent.of}.`,
        '',
        '@param client - the client',
        ...parameterDocs(parent),
        `@param ${words.key} - ${words.keyDoc}`,
        `@returns the value, or \`undefined\` when there is no such ${words.noun}`,
        `@throws InvalidParameter for an empty ${words.keyWord} or a malformed argument; ${parent.errors}`,
        ...example(`const value = await get(client, ${parent.example}, '${values.key}');`),
      ]),
      `export function get(client: Client, ${parameterList(parent).join(', ')}, ${words.key}: string): Promise<string | undefined> {`,
      `  return read.getValue(client, ${words.definition}, ${parentValue(parent)}, ${words.key});`,
      '}',
    ].join('\n');
  },

  set(resource, words) {
    const { parent, example: values } = words;
    return [
      doc([
        `Sets ${article(words.noun)} ${words.noun} of ${parent.of}, creating or overwriting it (an upsert: \`POST\`, and on a`,
        `conflict \`PATCH\`). ${words.rulesChecked}`,
        '',
        '@param client - the client',
        ...parameterDocs(parent),
        `@param ${words.key} - ${NAME_RULES[resource.nameRule]}`,
        `@param value - ${words.valueDoc}`,
        `@throws InvalidParameter naming the broken rule, before any request; ${parent.errors}`,
        ...example(`await set(client, ${parent.example}, '${values.key}', '${values.newValue}');`),
      ]),
      `export function set(client: Client, ${parameterList(parent).join(', ')}, ${words.key}: string, value: string): Promise<void> {`,
      `  return write.setValue(client, ${words.definition}, ${parentValue(parent)}, ${words.key}, value);`,
      '}',
    ].join('\n');
  },

  setForDevices(_resource, words) {
    const { example: values } = words;
    return [
      doc([
        `Sets ${article(words.noun)} ${words.noun} on many devices with few requests and at most \`concurrency\` writes in`,
        'flight (default 10). Ids are written directly, one upsert each (as many requests as devices, no',
        'lookup). Uuids are looked up in one request per chunk, which also reads the current values: devices',
        'that already hold the value cost nothing, devices that hold another value are patched in one request',
        'per chunk, and the others get one create each. When some writes fail the others still happen, and',
        'the error lists the devices written and not written.',
        '',
        '@param client - the client',
        '@param devices - device ids, or full uuids (one kind per array)',
        `@param ${words.key} - ${words.keyDoc}`,
        `@param value - ${words.valueDoc}`,
        '@param options - `concurrency` (a positive integer) and `signal` (aborts the writes in flight and queued)',
        '@throws InvalidParameter, before any request; DeviceNotFound naming the first missing device, before any',
        '  write, when the devices are given by uuid (ids are written directly: a missing id is listed in the',
        '  PartialWriteError with DeviceNotFound as its reason)',
        '@throws PartialWriteError listing the devices written and not written when some writes failed',
        ...example(`await setForDevices(client, deviceIds, '${values.key}', '${values.value}', { concurrency: 5 });`),
      ]),
      `export function setForDevices(client: Client, devices: readonly number[] | readonly string[], ${words.key}: string, value: string, options?: SetForDevicesOptions): Promise<void> {`,
      `  return setOnDevices(client, ${words.definition}, devices, ${words.key}, value, options);`,
      '}',
    ].join('\n');
  },

  update(_resource, words) {
    return [
      doc([
        `Changes the value of ${article(words.noun)} ${words.noun} given by its own id, as balena's Python SDK did.`,
        '',
        '@param client - the client',
        `@param id - the ${words.noun}'s id (a number, or a string of digits)`,
        `@param value - the new ${words.valueDoc.replace(/^the /, '')}`,
        '@throws InvalidParameter for a bad id or value, before any request',
        ...example(`await update(client, ${words.example.id}, '${words.example.newValue}');`),
      ]),
      'export function update(client: Client, id: number | string, value: string): Promise<void> {',
      `  return write.updateById(client, ${words.definition}, id, value);`,
      '}',
    ].join('\n');
  },

  remove(resource, words) {
    const { parent, example: values } = words;
    const byKey = [
      `Removes the ${words.noun} \`${words.key}\` of ${parent.of}. Removing what does not exist is not an error.`,
      '',
      '@param client - the client',
      ...parameterDocs(parent),
      `@param ${words.key} - ${words.keyDoc}`,
      `@throws InvalidParameter for an empty ${words.keyWord} or a malformed argument; ${parent.errors}`,
      ...example(`await remove(client, ${parent.example}, '${values.key}');`),
    ];
    const keySignature = `export function remove(client: Client, ${parameterList(parent).join(', ')}, ${words.key}: string): Promise<void>`;
    if (resource.kind === 'tag') {
      return [
        doc(byKey),
        `${keySignature} {`,
        `  return write.removeByKey(client, ${words.definition}, ${parentValue(parent)}, ${words.key});`,
        '}',
      ].join('\n');
    }
    const [first] = parent.parameters;
    const rest = parent.parameters.slice(1).map(([name, type]) => `${name}?: ${type}`);
    const restNames = parent.parameters.slice(1).map(([name]) => name);
    const implementation =
      restNames.length === 0
        ? [`  return write.removeByIdOrKey(client, ${words.definition}, ${idOr(first[0])}, ...rest);`]
        : [
            "  // Only a call with the id alone is the balena Python SDK's form: an undefined service or key is an error,",
            "  // never a reason to delete the row whose id happens to equal the device's.",
            `  if (rest.length === 0) return write.removeById(client, ${words.definition}, ${idOr(first[0])});`,
            `  const [${[...restNames, words.key].join(', ')}] = rest;`,
            `  const parent = ${compoundParent(parent, idOr(first[0]))};`,
            `  return write.removeByKey(client, ${words.definition}, parent, ${words.key} as string);`,
          ];
    return [
      doc([
        `Removes ${article(words.noun)} ${words.noun} by its own id, as balena's Python SDK did.`,
        '',
        '@param client - the client',
        `@param id - the ${words.noun}'s id (a number, or a string of digits)`,
        '@throws InvalidParameter for a malformed id',
        ...example(`await remove(client, ${values.id});`),
      ]),
      'export function remove(client: Client, id: number | string): Promise<void>;',
      doc(byKey),
      `${keySignature};`,
      // Only a call with the id alone is the balena Python SDK's form: an undefined key is an invalid key, never
      // a reason to delete the row whose id happens to equal the parent's (see removeByIdOrKey).
      `export function remove(client: Client, ${idOr(first[0])}: number | string | ${first[1]}, ...rest: [${[...rest, `${words.key}?: string`].join(', ')}]): Promise<void> {`,
      ...implementation,
      '}',
    ].join('\n');
  },
};

/** A compound parent's value in `remove`, where the first parameter may be an id and the others are optional. */
function compoundParent(parent, firstName) {
  let value = parentValue(parent).replace(new RegExp(`\\b${parent.parameters[0][0]}\\b`), firstName);
  for (const [name, type] of parent.parameters.slice(1)) {
    value = value.replace(new RegExp(`\\b${name}\\b`), `${name} as ${type}`);
  }
  return value;
}

function idOr(name) {
  return `idOr${name[0].toUpperCase()}${name.slice(1)}`;
}

function article(noun) {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}

// The OData resource, for the docs: the entry name spelled as the API spells it
// (`device-env-variable` is `device_environment_variable`); resources.ts holds the one used in requests.
function resourceName(resource) {
  return resource.entry.replace('-env-', '-environment-').replaceAll('-', '_');
}

/** The imports and the operations of one resource's entry file. */
function renderOperations(resource) {
  const words = vocabulary(resource);
  const parent = words.parent;
  const parents = [parent, PARENTS[resource.createParent ?? resource.parent]];
  const types = new Set(parents.flatMap((each) => each.parameters.map(([, type]) => type)));
  const rows = new Set(resource.lists.map(([, listing]) => listing));
  if (rows.has('application')) types.add('ApplicationIdentifier');
  if (rows.has('owner')) types.add('DeviceIdentifier');
  const typeSources = {
    ApplicationIdentifier: './internal/application.js',
    DeviceIdentifier: './internal/device.js',
    ReleaseIdentifier: './types/release.js',
    ServiceIdentifier: './internal/service.js',
  };
  const imports = [
    "import type { Client, ODataOptions } from '@balena-ts/core';",
    "import * as read from './dependent-resource/read.js';",
    `import { ${resource.definition} } from './dependent-resource/resources.js';`,
    "import * as write from './dependent-resource/write.js';",
    `import type { ${words.row} } from '${resource.row.from}';`,
    "import type { Selected, TypedOptions } from './types/options.js';",
    ...[...types]
      .filter((type) => type in typeSources)
      .map((type) => `import type { ${type} } from '${typeSources[type]}';`),
  ];
  if (rows.has('owner')) imports.push("import { deviceParent } from './dependent-resource/device-parent.js';");
  if (resource.setForDevices) {
    imports.push(
      "import { type SetForDevicesOptions, setForDevices as setOnDevices } from './dependent-resource/set-for-devices.js';",
    );
  }
  const operations = [];
  if (resource.kind === 'variable') operations.push(OPERATIONS.create(resource, words));
  for (const [name, rows] of resource.lists) {
    operations.push(
      rows in LISTINGS ? OPERATIONS[rows](resource, words, name) : OPERATIONS.alias(resource, words, name, rows),
    );
  }
  operations.push(OPERATIONS.get(resource, words), OPERATIONS.set(resource, words));
  if (resource.setForDevices) operations.push(OPERATIONS.setForDevices(resource, words));
  if (resource.kind === 'variable') operations.push(OPERATIONS.update(resource, words));
  operations.push(OPERATIONS.remove(resource, words));
  return { imports: imports.join('\n'), operations: operations.join('\n\n') };
}

/** The entry file of one resource. */
export function renderEntry(resource) {
  const parent = PARENTS[resource.parent];
  const { imports, operations } = renderOperations(resource);
  const exports = [
    ...(resource.setForDevices
      ? [
          "export { PartialWriteError, type WriteFailure } from './internal/partial-write-error.js';",
          "export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';",
        ]
      : []),
    ...(resource.exports ?? []),
    ...(parent.typeExports ?? []),
    "export type { Deferred, Navigation } from './types/navigation.js';",
    "export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';",
    `export type { ${resource.row.type}, ${resource.row.fields} } from '${resource.row.from}';`,
  ];
  const header = [...resource.header.map((line) => `// ${line}`), GENERATED_NOTICE].join('\n');
  return [`${header}\n${imports}`, exports.join('\n'), operations].join('\n\n');
}

const GENERATED_NOTICE =
  '// Generated at build time by scripts/generate-dependent-resources.mjs from scripts/dependent-resources.mjs: edit those.';

function formatted(file, source) {
  // The file is ignored by git (build output), so biome is told not to skip ignored paths.
  return execFileSync(BIOME, ['check', '--write', '--vcs-use-ignore-file=false', `--stdin-file-path=${file}`], {
    cwd: REPOSITORY_DIRECTORY,
    input: `${source}\n`,
    encoding: 'utf8',
  });
}

/** Every generated file: its path in the package and its content. */
export function renderAll() {
  return RESOURCES.map((resource) => {
    const file = `src/${resource.entry}.ts`;
    return { file, content: formatted(path.join('packages/models', file), renderEntry(resource)) };
  });
}

function main() {
  let written = 0;
  for (const { file, content } of renderAll()) {
    const target = path.join(PACKAGE_DIRECTORY, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === content) continue;
    fs.writeFileSync(target, content);
    written += 1;
  }
  console.log(`dependent-resource entries: wrote ${written} file(s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
