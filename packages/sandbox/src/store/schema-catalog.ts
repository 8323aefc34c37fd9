import { baseFields, columns, resource, reverseLinks } from './field-builders.js';
import { CATALOGUE } from './resource-policy.js';
import type { ResourceDefinition } from './schema-types.js';

const base = baseFields;

/** Device types and what describes them: public to everyone. */
export const catalogResources: ResourceDefinition[] = [
  resource({
    name: 'cpu_architecture',
    fields: [
      ...base(),
      ...columns(`
        slug  text     required
      `),
    ],
    navigations: reverseLinks(`
      is_supported_by__device_type <- device_type.is_of__cpu_architecture
    `),
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'device_manufacturer',
    fields: [
      ...base(),
      ...columns(`
        slug  text     required
        name  text     required
      `),
    ],
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'device_family',
    fields: [
      ...base(),
      ...columns(`
        slug                                     text     required
        name                                     text     required
        is_manufactured_by__device_manufacturer  -> device_manufacturer set-null
      `),
    ],
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'device_type',
    fields: [
      ...base(),
      ...columns(`
        slug                       text     required
        name                       text     required
        is_private                 boolean
        logo                       text
        contract                   json
        belongs_to__device_family  -> device_family set-null
        is_of__cpu_architecture    -> cpu_architecture keep required
      `),
    ],
    navigations: reverseLinks(`
        device_type_alias            <- device_type_alias.device_type
        is_referenced_by__alias      <- device_type_alias.device_type
        is_default_for__application  <- application.is_for__device_type
        describes__device            <- device.is_of__device_type
      `),
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'device_type_alias',
    fields: [
      ...base(),
      ...columns(`
        device_type              -> device_type cascade required
        is_referenced_by__alias  text     required
      `),
    ],
    unique: [['is_referenced_by__alias']],
    policy: CATALOGUE,
  }),
];
