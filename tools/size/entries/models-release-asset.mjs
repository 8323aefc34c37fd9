// Bundle-size entries for @balena-ts/models/release-asset.
const OTHER_MODELS = ['models/src/application/', 'models/src/config/', 'models/src/device-os/', 'models/src/key/'];

export default [
  {
    name: 'models/release-asset: upload',
    code: `import { createClient } from '@balena-ts/core';
import { upload } from '@balena-ts/models/release-asset';
const client = createClient({ apiUrl: 'https://api.example.com' });
upload(client, { release: 5, asset_key: 'notes.txt', asset: new Blob(['hello']) }).then(console.log);`,
    forbid: OTHER_MODELS,
  },
];
