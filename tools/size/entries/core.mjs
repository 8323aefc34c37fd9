// Bundle-size entries for @balena-ts/core. Each `code` is the whole program being measured.
export default [
  {
    name: 'core: createClient + one request',
    code: `import { createClient } from '@balena-ts/core';
const client = createClient({ apiUrl: 'https://api.example.com' });
client.request('/ping').then(console.log);`,
  },
];
