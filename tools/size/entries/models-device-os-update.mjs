// Bundle-size entries for @balena-ts/models/device-os-update. semver's range parser (CommonJS,
// which a bundler keeps once imported) is reached from here and from the os model only: the
// device entry must not carry it.
export default [
  {
    name: 'models/device-os-update: startOsUpdate',
    code: `import { createClient } from '@balena-ts/core';
import { startOsUpdate } from '@balena-ts/models/device-os-update';
export const run = (uuid) => startOsUpdate(createClient(), uuid, '6.0.13');`,
  },
];
