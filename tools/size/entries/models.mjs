// Bundle-size entries for @balena-ts/models (part 1: application, device, device-os, config, keys).
// Each `code` is the whole program being measured; `forbid` lists source folders that must not be
// bundled, proving that one function of one model does not pull in the others.
const OTHER_MODELS_THAN_DEVICE = [
  'models/src/application/',
  'models/src/config/',
  'models/src/device-os/',
  'models/src/api-key/',
  'models/src/key/',
  // semver (CommonJS: a bundler keeps what is imported) serves the version rules of the os and
  // OS update subpaths; reading or writing devices must not carry it.
  '/semver/',
];

export default [
  {
    name: 'models/device: get',
    code: `import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/device';
const client = createClient({ apiUrl: 'https://api.example.com' });
get(client, 12, { $select: ['id', 'device_name'] }).then(console.log);`,
    forbid: [...OTHER_MODELS_THAN_DEVICE, 'models/src/device/move.ts', 'models/src/internal/device-batch.ts'],
  },
  {
    name: 'models/device: enableDeviceUrl (batch write)',
    code: `import { createClient } from '@balena-ts/core';
import { enableDeviceUrl } from '@balena-ts/models/device';
const client = createClient({ apiUrl: 'https://api.example.com' });
enableDeviceUrl(client, [1, 2, 3]).then(console.log);`,
    forbid: [...OTHER_MODELS_THAN_DEVICE, 'models/src/internal/application.ts'],
  },
  {
    name: 'models/device: getAllByApplication',
    code: `import { createClient } from '@balena-ts/core';
import { getAllByApplication } from '@balena-ts/models/device';
const client = createClient({ apiUrl: 'https://api.example.com' });
getAllByApplication(client, 'admin/fleet').then(console.log);`,
    forbid: OTHER_MODELS_THAN_DEVICE,
  },
  {
    name: 'models/application: get',
    code: `import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/application';
const client = createClient({ apiUrl: 'https://api.example.com' });
get(client, 'admin/fleet').then(console.log);`,
    forbid: ['models/src/device/', 'models/src/device-os/', 'models/src/config/', 'models/src/internal/device'],
  },
  {
    name: 'models/device-os: download',
    code: `import { createClient } from '@balena-ts/core';
import { download } from '@balena-ts/models/device-os';
const client = createClient({ apiUrl: 'https://api.example.com' });
download(client, { deviceType: 'raspberrypi4-64' }).then((image) => image.stream.cancel());`,
    forbid: ['models/src/device/', 'models/src/config/', 'models/src/application/'],
  },
  {
    name: 'models/device: generateUuid (no client)',
    code: `import { generateUuid } from '@balena-ts/models/device';
console.log(generateUuid());`,
    forbid: ['ofetch', 'models/src/internal/', 'core/src/client/'],
  },
];
