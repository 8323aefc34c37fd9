// Bundle-size entries for @balena-ts/models billing and credit bundles. `forbid` proves that one
// billing function does not pull in the device, fleet or OS-image models.
const OTHER_MODELS = [
  'models/src/application/',
  'models/src/device/',
  'models/src/device-os/',
  'models/src/config/',
  'models/src/key/',
];

export default [
  {
    name: 'models/billing: getPlan',
    code: `import { createClient } from '@balena-ts/core';
import { getPlan } from '@balena-ts/models/billing';
const client = createClient({ apiUrl: 'https://api.example.com' });
getPlan(client, 'my-org').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/billing/invoices.ts', 'models/src/credit-bundle/'],
  },
  {
    name: 'models/billing: downloadInvoice',
    code: `import { createClient } from '@balena-ts/core';
import { downloadInvoice } from '@balena-ts/models/billing';
const client = createClient({ apiUrl: 'https://api.example.com' });
downloadInvoice(client, 'my-org', '1000').then((invoice) => invoice.stream.pipeTo(new WritableStream()));`,
    forbid: [...OTHER_MODELS, 'models/src/billing/plan.ts', 'models/src/credit-bundle/'],
  },
  {
    name: 'models/credit-bundle: getAllByOrg',
    code: `import { createClient } from '@balena-ts/core';
import { getAllByOrg } from '@balena-ts/models/credit-bundle';
const client = createClient({ apiUrl: 'https://api.example.com' });
getAllByOrg(client, 'my-org').then(console.log);`,
    forbid: [...OTHER_MODELS, 'models/src/billing/'],
  },
];
