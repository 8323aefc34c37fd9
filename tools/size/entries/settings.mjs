// Bundle-size entries for the settings packages. Each `code` is the whole program being measured.
export default [
  {
    name: 'settings-browser: createBrowserStorage',
    code: `import { createBrowserStorage } from '@balena-ts/settings-browser';
const storage = createBrowserStorage();
storage.set('token', 'x').then(() => storage.get('token')).then(console.log);`,
  },
  {
    name: 'settings-browser: storage + get(client, key)',
    code: `import { createClient } from '@balena-ts/core';
import { createBrowserStorage, get } from '@balena-ts/settings-browser';
const client = createClient({ storage: createBrowserStorage() });
get(client, 'pine_endpoint').then(console.log);`,
  },
];
