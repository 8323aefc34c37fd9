// Bundle-size entries for @balena-ts/models organization subpaths (organization, its memberships,
// membership tags and invites). One organization function should cost no more than one device function.
const FLEET_MODELS = [
  'models/dist/application/',
  'models/dist/device/',
  'models/dist/device-os/',
  'models/dist/config/',
  'models/dist/api-key/',
  'models/dist/key/',
  'models/dist/release/',
];

export default [
  {
    name: 'models/organization: get',
    code: `import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/organization';
const client = createClient({ apiUrl: 'https://api.example.com' });
get(client, 'field_team', { $select: ['id', 'name'] }).then(console.log);`,
    forbid: [...FLEET_MODELS, 'models/dist/organization-membership/', 'models/dist/organization-invite/'],
  },
  {
    name: 'models/organization-membership: changeRole',
    code: `import { createClient } from '@balena-ts/core';
import { changeRole } from '@balena-ts/models/organization-membership';
const client = createClient({ apiUrl: 'https://api.example.com' });
changeRole(client, 17, 'administrator').then(console.log);`,
    forbid: [...FLEET_MODELS, 'models/dist/organization/', 'models/dist/organization-invite/'],
  },
  {
    name: 'models/organization-invite: create',
    code: `import { createClient } from '@balena-ts/core';
import { create } from '@balena-ts/models/organization-invite';
const client = createClient({ apiUrl: 'https://api.example.com' });
create(client, 'field_team', { invitee: 'ada@example.com', roleName: 'member' }).then(console.log);`,
    forbid: [...FLEET_MODELS, 'models/dist/organization/', 'models/dist/organization-membership/'],
  },
  {
    name: 'models/organization-membership-tag: set',
    code: `import { createClient } from '@balena-ts/core';
import { set } from '@balena-ts/models/organization-membership-tag';
const client = createClient({ apiUrl: 'https://api.example.com' });
set(client, 17, 'team', 'field').then(console.log);`,
    forbid: [...FLEET_MODELS, 'models/dist/organization-invite/'],
  },
];
