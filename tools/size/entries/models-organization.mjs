// Bundle-size entries for @balena-ts/models organization subpaths (organization, its memberships,
// membership tags and invites). One organization function should cost no more than one device function.
// size.mjs checks `forbid` on a build from the TypeScript sources: folders are named under `src/`.
const folders = (...names) => names.map((name) => `models/src/${name}/`);
const FLEET_MODELS = folders('application', 'device', 'device-os', 'config', 'api-key', 'key', 'release');

export default [
  {
    name: 'models/organization: get',
    code: `import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/organization';
const client = createClient({ apiUrl: 'https://api.example.com' });
get(client, 'field_team', { $select: ['id', 'name'] }).then(console.log);`,
    forbid: [...FLEET_MODELS, ...folders('organization-membership', 'organization-invite')],
  },
  {
    name: 'models/organization-membership: changeRole',
    code: `import { createClient } from '@balena-ts/core';
import { changeRole } from '@balena-ts/models/organization-membership';
const client = createClient({ apiUrl: 'https://api.example.com' });
changeRole(client, 17, 'administrator').then(console.log);`,
    forbid: [...FLEET_MODELS, ...folders('organization', 'organization-invite')],
  },
  {
    name: 'models/organization-invite: create',
    code: `import { createClient } from '@balena-ts/core';
import { create } from '@balena-ts/models/organization-invite';
const client = createClient({ apiUrl: 'https://api.example.com' });
create(client, 'field_team', { invitee: 'ada@example.com', roleName: 'member' }).then(console.log);`,
    forbid: [...FLEET_MODELS, ...folders('organization', 'organization-membership')],
  },
  {
    name: 'models/organization-membership-tag: set',
    code: `import { createClient } from '@balena-ts/core';
import { set } from '@balena-ts/models/organization-membership-tag';
const client = createClient({ apiUrl: 'https://api.example.com' });
set(client, 17, 'team', 'field').then(console.log);`,
    forbid: [...FLEET_MODELS, ...folders('organization-invite')],
  },
];
