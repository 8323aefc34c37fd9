// Where a small read's time goes: the organizations row's read, sent through each layer that
// balena-ts puts between a caller and fetch, the layers alternated call by call in this one
// process (so that every layer meets the same machine, the same sandbox state and the same phase
// of V8's optimisation), each timed on its own:
//   node ops/layers-worker.mjs <warm-up rounds> <measured rounds>
// (forked by rows/layers.mjs, with IPC; the sandbox's URL and the bench user's credentials in
// BENCH_OPERATION_CONFIG, as the operation workers get them). It reports each layer's median per
// call, in milliseconds.
import { getToken, login } from '@balena-ts/auth';
import { createClient, DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from '@balena-ts/core';
import { getAll } from '@balena-ts/models/organization';
import { ofetch } from 'ofetch';
import { ORGANIZATION_OPTIONS as OPTIONS } from './balena-ts.mjs';
import { ORGANIZATIONS_PATH as PATH } from './raw-fetch.mjs';

const [warmUpArgument, roundsArgument] = process.argv.slice(2);
const config = JSON.parse(process.env.BENCH_OPERATION_CONFIG ?? '{}');

try {
  const client = createClient({ apiUrl: config.apiUrl });
  await login(client, { username: config.email, password: config.password });
  const token = await getToken(client);
  const url = `${config.apiUrl}${PATH}`;
  const headers = { Authorization: `Bearer ${token}` };
  /** Each layer: what it adds, and one call through it (resolving to the organizations read). */
  const layers = {
    fetch: async () => (await (await fetch(url, { headers })).json()).d,
    // What every balena-ts request gives fetch besides the URL: an attempt signal following the
    // call's, each with its timer, and the client's own header.
    'fetch with timeouts': async () => {
      const call = new AbortController();
      const deadline = setTimeout(() => call.abort(), DEFAULT_DEADLINE_MS);
      const attempt = new AbortController();
      const follow = () => attempt.abort();
      call.signal.addEventListener('abort', follow, { once: true });
      const timeout = setTimeout(() => attempt.abort(), DEFAULT_TIMEOUT_MS);
      try {
        const response = await fetch(url, {
          headers: { 'X-Balena-Client': 'bench', ...headers },
          signal: attempt.signal,
          redirect: 'follow',
        });
        return (await response.json()).d;
      } finally {
        clearTimeout(timeout);
        clearTimeout(deadline);
        call.signal.removeEventListener('abort', follow);
      }
    },
    ofetch: async () => (await ofetch(url, { headers, timeout: DEFAULT_TIMEOUT_MS, retry: 0 })).d,
    'client.request': async () => (await client.request(PATH)).d,
    'client.pine.get': () =>
      client.pine.get({ resource: 'organization', options: { ...OPTIONS, $orderby: 'name asc' } }),
    'organization.getAll': () => getAll(client, OPTIONS),
  };
  const names = Object.keys(layers);
  for (const name of names) {
    const rows = await layers[name]();
    if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${name}: no organizations in the answer`);
  }
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const warmUp = Number(warmUpArgument);
  const rounds = Number(roundsArgument);
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const name of names) {
      const startedAt = performance.now();
      await layers[name]();
      if (round >= warmUp) times[name].push(performance.now() - startedAt);
    }
  }
  const median = (values) => values.sort((left, right) => left - right)[Math.floor(values.length / 2)];
  process.send({ type: 'done', medians: Object.fromEntries(names.map((name) => [name, median(times[name])])) });
} catch (error) {
  process.send({ type: 'error', message: error?.message ?? String(error) });
}
process.disconnect();
