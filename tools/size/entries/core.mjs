// Bundle-size entries for @balena-ts/core. Each `code` is the whole program being measured.
export default [
  {
    name: 'core: createClient + one request',
    code: `import { createClient } from '@balena-ts/core';
const client = createClient({ apiUrl: 'https://api.example.com' });
client.request('/ping').then(console.log);`,
  },
  {
    name: 'core: buildQuery only (no transport)',
    code: `import { buildQuery } from '@balena-ts/core';
console.log(buildQuery({ $select: 'id', $filter: { device_name: 'x' } }));`,
    forbid: ['ofetch', 'ufo', 'destr'],
  },
  {
    name: 'core: errors only',
    code: `import { DeviceNotFound } from '@balena-ts/core';
console.log(new DeviceNotFound(1));`,
    forbid: ['ofetch', 'odata'],
  },
];
