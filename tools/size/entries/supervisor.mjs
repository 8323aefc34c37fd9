// Bundle-size entries for @balena-ts/supervisor. Each `code` is the whole program being measured.
export default [
  {
    name: 'supervisor: reboot',
    code: `import { createClient } from '@balena-ts/core';
import { reboot } from '@balena-ts/supervisor';
const client = createClient({ apiUrl: 'https://api.example.com' });
reboot(client, 'a'.repeat(32), 1).then(console.log);`,
  },
  {
    name: 'supervisor: all 16 functions',
    code: `import { createClient } from '@balena-ts/core';
import * as supervisor from '@balena-ts/supervisor';
const client = createClient({ apiUrl: 'https://api.example.com' });
console.log(Object.keys(supervisor).length, client);`,
  },
];
