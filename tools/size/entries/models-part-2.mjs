// Bundle-size entries for @balena-ts/models part 2 (variables, tags, releases, images, services).
// `forbid` proves the generic dependent-resource code does not drag in other models' entry code.
const OTHER_MODELS = ['models/src/application/', 'models/src/config/', 'models/src/device-os/', 'models/src/key/'];

export default [
  {
    name: 'models/device-env-variable: set',
    code: `import { createClient } from '@balena-ts/core';
import { set } from '@balena-ts/models/device-env-variable';
const client = createClient({ apiUrl: 'https://api.example.com' });
set(client, 12, 'MY_VAR', 'on').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/release/'],
  },
  {
    name: 'models/device-env-variable: setForDevices (1,000 devices)',
    code: `import { createClient } from '@balena-ts/core';
import { setForDevices } from '@balena-ts/models/device-env-variable';
const client = createClient({ apiUrl: 'https://api.example.com' });
setForDevices(client, [1, 2, 3], 'MY_VAR', 'on', { concurrency: 8 }).then(console.log);`,
    forbid: OTHER_MODELS,
  },
  {
    name: 'models/release: get',
    code: `import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/release';
const client = createClient({ apiUrl: 'https://api.example.com' });
get(client, 5).then(console.log);`,
    // The releases share only the tiny options check with the variables and tags, not their machinery.
    forbid: [
      ...OTHER_MODELS,
      'models/src/dependent-resource/read.ts',
      'models/src/dependent-resource/write.ts',
      'models/src/dependent-resource/resources.ts',
    ],
  },
  {
    name: 'models/device-tag: set',
    code: `import { createClient } from '@balena-ts/core';
import { set } from '@balena-ts/models/device-tag';
const client = createClient({ apiUrl: 'https://api.example.com' });
set(client, 12, 'location', 'lab').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/release/'],
  },
  {
    name: 'models/os: getAvailableOsVersions',
    code: `import { createClient } from '@balena-ts/core';
import { getAvailableOsVersions } from '@balena-ts/models/os';
const client = createClient({ apiUrl: 'https://api.example.com' });
getAvailableOsVersions(client, 'raspberrypi4-64').then(console.log);`,
    forbid: ['models/dist/device/', 'models/dist/device-os/download.js', 'models/dist/application/'],
  },
  {
    name: 'models/application-build-variable: set',
    code: `import { createClient } from '@balena-ts/core';
import { set } from '@balena-ts/models/application-build-variable';
const client = createClient({ apiUrl: 'https://api.example.com' });
set(client, 'admin/fleet', 'NODE_VERSION', '22').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/dist/release/'],
  },
];
