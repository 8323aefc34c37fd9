// Bundle-size entries for @balena-ts/models fleet memberships and teams: one function of each
// model, which must not pull in the device or application models' machinery.
const OTHER_MODELS = [
  'models/src/device/',
  'models/src/application/',
  'models/src/dependent-resource/',
  'models/src/release/',
];

export default [
  {
    name: 'models/application-membership: create',
    code: `import { createClient } from '@balena-ts/core';
import { create } from '@balena-ts/models/application-membership';
const client = createClient({ apiUrl: 'https://api.example.com' });
create(client, { application: 'myorg/myfleet', username: 'bob', roleName: 'operator' }).then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/team/'],
  },
  {
    name: 'models/team: getAllByOrganization',
    code: `import { createClient } from '@balena-ts/core';
import { getAllByOrganization } from '@balena-ts/models/team';
const client = createClient({ apiUrl: 'https://api.example.com' });
getAllByOrganization(client, 'myorg').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/internal/application.ts', 'models/src/application-membership/'],
  },
  {
    name: 'models/team-membership: create',
    code: `import { createClient } from '@balena-ts/core';
import { create } from '@balena-ts/models/team-membership';
const client = createClient({ apiUrl: 'https://api.example.com' });
create(client, { team: 5, username: 'bob' }).then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/internal/application.ts', 'models/src/team/'],
  },
  {
    name: 'models/team-application-access: add',
    code: `import { createClient } from '@balena-ts/core';
import { add } from '@balena-ts/models/team-application-access';
const client = createClient({ apiUrl: 'https://api.example.com' });
add(client, 5, 'myorg/myfleet', 'observer').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/team/', 'models/src/application-membership/'],
  },
  {
    name: 'models/application-invite: create',
    code: `import { createClient } from '@balena-ts/core';
import { create } from '@balena-ts/models/application-invite';
const client = createClient({ apiUrl: 'https://api.example.com' });
create(client, 'myorg/myfleet', { invitee: 'bob@example.com', roleName: 'observer' }).then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/team/', 'models/src/application-membership/'],
  },
];
