// Bundle-size entries for @balena-ts/sdk/compat: balena-sdk 23's getSdk() tree over the same module
// functions as the facade, plus its one name table. Like the facade's entry, the browser build must
// pick settings-browser through the package's `#platform` import, never settings-node.
export default [
  {
    name: 'sdk/compat: getSdk() + login + device.getAllByApplication (browser condition)',
    code: `import { getSdk } from '@balena-ts/sdk/compat';
const balena = getSdk({ apiUrl: 'https://api.example.com' });
balena.auth
  .login({ email: 'me@example.com', password: 'secret' })
  .then(() => balena.models.device.getAllByApplication('myorg/myfleet'))
  .then(console.log);`,
    forbid: ['settings-node', 'mqtt', 'node:'],
  },
];
