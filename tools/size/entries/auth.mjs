// Bundle-size entries for @balena-ts/auth. Each `code` is the whole program being measured.
// auth has no runtime dependency besides core: TOTP runs on Web Crypto, and otplib (the tests'
// reference implementation) must never reach a bundle.
const FORBIDDEN = ['otplib', '@otplib', '@noble', '@scure'];

export default [
  {
    name: 'auth: login',
    code: `import { createClient } from '@balena-ts/core';
import { login } from '@balena-ts/auth';
const client = createClient({ apiUrl: 'https://api.example.com' });
login(client, { username: 'me@example.com', password: 'secret' }).then(console.log);`,
    forbid: FORBIDDEN,
  },
  {
    name: 'auth/two-factor: generateCode (Web Crypto)',
    code: `import { generateCode } from '@balena-ts/auth/two-factor';
generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').then(console.log);`,
    forbid: FORBIDDEN,
  },
  {
    name: 'auth/two-factor: challenge + isPassed',
    code: `import { createClient } from '@balena-ts/core';
import { challenge, isPassed } from '@balena-ts/auth/two-factor';
const client = createClient({ apiUrl: 'https://api.example.com' });
isPassed(client).then((passed) => passed || challenge(client, '123456'));`,
    forbid: FORBIDDEN,
  },
  {
    name: 'auth/two-factor: login + challenge with generateCode',
    code: `import { createClient } from '@balena-ts/core';
import { login } from '@balena-ts/auth';
import { challenge, generateCode, isPassed } from '@balena-ts/auth/two-factor';
const client = createClient({ apiUrl: 'https://api.example.com' });
await login(client, { username: 'me@example.com', password: 'secret' });
if (!(await isPassed(client))) await challenge(client, await generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'));`,
    forbid: FORBIDDEN,
  },
];
