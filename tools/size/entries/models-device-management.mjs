// Bundle-size entries for the device-management models: device types (contracts and install
// instructions), device history, and a supervisor action under `device`.
const MODELS = ['application', 'config', 'device-os', 'api-key', 'key', 'release', 'image', 'service'];
const OTHER_MODELS = MODELS.map((model) => `models/src/${model}/`);

export default [
  {
    name: 'models/device-type: getInstructions',
    code: `import { createClient } from '@balena-ts/core';
import { getInstructions } from '@balena-ts/models/device-type';
const client = createClient({ apiUrl: 'https://api.example.com' });
getInstructions(client, 'raspberrypi4-64').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/device/', 'models/src/dependent-resource/'],
  },
  {
    name: 'models/device-history: getAllByDevice',
    code: `import { createClient } from '@balena-ts/core';
import { getAllByDevice } from '@balena-ts/models/device-history';
const client = createClient({ apiUrl: 'https://api.example.com' });
getAllByDevice(client, 12, { fromDate: new Date(Date.now() - 86400000) }).then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/device/', 'models/src/device-type/', 'models/src/dependent-resource/'],
  },
  {
    name: 'models/device: reboot (through @balena-ts/supervisor)',
    code: `import { createClient } from '@balena-ts/core';
import { reboot } from '@balena-ts/models/device';
const client = createClient({ apiUrl: 'https://api.example.com' });
reboot(client, 12, { force: true }).then(console.log);`,
    // One supervisor call: not the other supervisor actions, nor the models' key/value machinery.
    forbid: [...OTHER_MODELS, 'models/src/dependent-resource/', 'supervisor/src/update.ts', 'supervisor/src/purge.ts'],
  },
];
