// Bundle-size entries for @balena-ts/sdk. Each `code` is the whole program being measured. The
// browser build must pick settings-browser through the `browser` condition of the package's
// `#platform` import: settings-node (and its `node:` imports, which esbuild cannot resolve for the
// browser) must never be bundled.
export default [
  {
    name: 'sdk: new Balena() + login + device.getAll (browser condition)',
    code: `import { Balena } from '@balena-ts/sdk';
const balena = new Balena({ apiUrl: 'https://api.example.com' });
balena.auth
  .login({ username: 'me@example.com', password: 'secret' })
  .then(() => balena.models.device.getAll())
  .then(console.log);`,
    forbid: ['settings-node', 'mqtt', 'node:'],
  },
];
