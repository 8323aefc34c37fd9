import { baseFields, boolean, json, link, reverse, text } from './field-builders.js';
import type { ResourceDefinition } from './schema-types.js';

const base = baseFields;

/** Device types and what describes them: public to everyone. */
export const catalogResources: ResourceDefinition[] = [
  {
    name: 'cpu_architecture',
    fields: [...base(), text('slug', { required: true })],
    navigations: [reverse('is_supported_by__device_type', 'device_type', 'is_of__cpu_architecture')],
    unique: [['slug']],
    alternateKeys: ['slug'],
  },
  {
    name: 'device_manufacturer',
    fields: [...base(), text('slug', { required: true }), text('name', { required: true })],
    navigations: [],
    unique: [['slug']],
    alternateKeys: ['slug'],
  },
  {
    name: 'device_family',
    fields: [
      ...base(),
      text('slug', { required: true }),
      text('name', { required: true }),
      link('is_manufactured_by__device_manufacturer', 'device_manufacturer', 'set-null'),
    ],
    navigations: [],
    unique: [['slug']],
    alternateKeys: ['slug'],
  },
  {
    name: 'device_type',
    fields: [
      ...base(),
      text('slug', { required: true }),
      text('name', { required: true }),
      boolean('is_private'),
      text('logo'),
      json('contract'),
      link('belongs_to__device_family', 'device_family', 'set-null'),
      link('is_of__cpu_architecture', 'cpu_architecture', 'keep', { required: true }),
    ],
    navigations: [
      reverse('device_type_alias', 'device_type_alias', 'device_type'),
      reverse('is_referenced_by__alias', 'device_type_alias', 'device_type'),
      reverse('is_default_for__application', 'application', 'is_for__device_type'),
      reverse('describes__device', 'device', 'is_of__device_type'),
    ],
    unique: [['slug']],
    alternateKeys: ['slug'],
  },
  {
    name: 'device_type_alias',
    fields: [
      ...base(),
      link('device_type', 'device_type', 'cascade', { required: true }),
      text('is_referenced_by__alias', { required: true }),
    ],
    navigations: [],
    unique: [['is_referenced_by__alias']],
    alternateKeys: [],
  },
];
