// Bundle-size entries for @balena-ts/auth. Each `code` is the whole program being measured.
export default [
  {
    name: 'auth: login',
    code: `import { createClient } from '@balena-ts/core';
import { login } from '@balena-ts/auth';
const client = createClient({ apiUrl: 'https://api.example.com' });
login(client, { username: 'me@example.com', password: 'secret' }).then(console.log);`,
    forbid: ['otplib', '@otplib', '@noble', '@scure'],
  },
  {
    name: 'auth/two-factor: generateCode (otplib)',
    code: `import { generateCode } from '@balena-ts/auth/two-factor';
console.log(generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'));`,
  },
  {
    // otplib is tree-shaken away here (0 bytes in the output), but size.mjs's `forbid` looks at every
    // parsed input, not at the bytes kept, so a `forbid` on otplib would report a false leak.
    name: 'auth/two-factor: challenge + isPassed',
    code: `import { createClient } from '@balena-ts/core';
import { challenge, isPassed } from '@balena-ts/auth/two-factor';
const client = createClient({ apiUrl: 'https://api.example.com' });
isPassed(client).then((passed) => passed || challenge(client, '123456'));`,
  },
];
