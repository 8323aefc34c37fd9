// Why a missed target is missed, and what would reach it: one explanation per row, printed under
// the table for every row whose target the run did not meet. The reasons were found by measuring
// (module load times, installed package lists, request logs); the figures themselves come from the
// run, never from here.

/** @type {Record<string, string>} keyed by `${section prefix}|${metric}` */
const EXPLANATIONS = {
  'Node cold start|time to first request':
    'Node itself costs the raw-fetch column; no SDK can go below it, so 1/4 of the official total would need Node to start 4 times faster. See the next row for the SDK’s own cost.',
  'Node cold start|time above raw fetch (the SDK’s own cost)':
    'Each entry point ships as one bundled module, code that four entry points or more share is one chunk (rolldown), and core carries ofetch\u2019s platform-neutral build in a file of its own: 13 files loaded and no npm package (103 files before the bundling; 30 files and 4 packages with esbuild\u2019s one chunk per set of entries and ofetch\u2019s Node build, which loaded node-fetch-native\u2019s polyfill). What is left is Node compiling the four packages\u2019 code and the login; this cost also swings with the machine\u2019s load.',
  'Installed footprint|packages':
    'The four balena-ts packages (models depends on supervisor for device actions) and semver (version ranges, for the os and OS update entries); core carries ofetch inside it. A higher count means a new runtime dependency: the version rules once used balena-semver, which brought memoizee and 17 small packages.',
  'Installed footprint|bytes (apparent size)':
    'Measured at 1.98 MB on 2026-12-03, most of it the balena-ts packages\u2019 own files; semver is about 150 KB. balena-semver with memoizee and its dependencies once took it to 2.83 MB.',
  'Requests made|list 10,000 devices':
    'A listing is one streamed request, plus one application lookup for a slug, uuid or name (none for a numeric id unless the list is empty); a higher count means the answer was cut and resumed (`$skip`) or a request from outside the operation was counted (see the per-run counts in the notes).',
  'Requests made|rename 1,000 devices':
    'balena-ts sends exactly what the official SDK sends, two requests per device (the existence read, so that a missing device gives DeviceNotFound, and the PATCH by `$filter`, sent together); a run that shows one more request counted a request from outside the operation (the simulated device or a token refresh: see the per-run counts in the notes). Only dropping the existence check would reach raw fetch’s one request.',
  'Requests made|set an env var on 1,000 devices':
    'With numeric ids setForDevices sends one upsert per device and nothing else, as the official SDK does; a run that shows more counted a request from outside the operation (see the per-run counts in the notes).',
  'Wall time|rename 1,000 devices':
    'Two requests per rename, as the official SDK sends (the existence read and the PATCH by `$filter`), but sent at the same time: against a real API, where latency dominates, that is one round trip. Against this local, single-threaded sandbox the server’s CPU time per request is what a rename waits for, so two concurrent requests still cost about two (measured: sequential and concurrent within noise of each other, both about twice a raw PATCH). Only dropping the existence check (no DeviceNotFound) would reach raw fetch here.',
  'Wall time|rename 1,000 devices concurrently':
    'One request more than raw fetch (the shared existence check: one GET for the 1,000 devices), then the same 1,000 PATCHes by key; the difference is the request layer\u2019s fixed cost per call (see the organizations row) times 1,000 on a machine where the sandbox answers a PATCH in well under a millisecond. The lookup itself costs about one raw request (measured: a GET of 1,000 ids then the PATCHes within noise of the PATCHes alone).',
  'Wall time|set an env var on 1,000 devices':
    'The same 1,000 POSTs as raw fetch, 10 in flight; against the single-threaded local sandbox concurrency buys nothing, and each request pays the request layer (token check, ofetch, error mapping) on top of the server’s time.',
  'Wall time|list organizations with their memberships':
    'The same single request as raw fetch on an operation of 1-2 ms, timed warm (rows/warm-runs.mjs): the difference is the request layer\u2019s fixed cost per call, measured on the bench Node with the sandbox in its own process at about 0.125 ms of client CPU per call above a bare fetch (0.595 ms against 0.47 ms, 3,000 GETs; 0.62 before a whole answer was decoded once instead of copied into a second Response). undici\u2019s own work is the same on both sides; what is left is core\u2019s (about 0.09 ms: the send, ofetch\u2019s hooks, the URL\u2019s redaction, reading the body) and ofetch\u2019s (about 0.02 ms).',
  'Wall time|list the OS versions of a device type':
    'The same request on each side (raw fetch sends the SDKs\u2019 query, tags expanded), so the difference is the work on the answer: like balena-sdk, balena-ts derives every version\u2019s line, variant and base version and sorts them by balena\u2019s version rules (each version now read once, the ESR ranges once per host), plus the request layer\u2019s fixed cost (see the organizations row), on an operation of a few milliseconds.',
  'Wall time|start an OS update':
    'Three requests on each side (the device, the OS versions, the PATCH; raw fetch: the device\u2019s type, the target release, the PATCH), timed warm. balena-ts also derives and sorts the device type\u2019s OS versions and checks balena\u2019s update rules (version, variant, architecture, online), which a hand-written program skips.',
  'Wall time|read 10,000 log lines':
    'One request for a full uuid, as raw fetch sends (earlier runs also timed the import of @balena-ts/logs and a device lookup); what remains is the request layer’s fixed cost on an operation of a few milliseconds.',
  'Wall time|list 10,000 devices':
    'One streamed request, parsed row by row at about the speed of one `JSON.parse` of the whole answer; the rest is the `$orderby=device_name asc,id asc` the SDK asks for (raw fetch asks for no order, so the sandbox sorts nothing for it) and handing over 10,000 rows one at a time through `for await`.',
  'Wall time|get one device with service details':
    'The same single request as raw fetch, timed warm (rows/warm-runs.mjs). Where the client\u2019s extra CPU goes, from a CPU profile of 3,500 calls against the sandbox in its own process (bench Node, 2026-12-03): undici about 45 \u00b5s a call more than for the bare fetch (the request carries an abort signal, which every timeout needs; a bare fetch with a fresh signal measured 0.05-0.1 ms slower than one without), core about 60 \u00b5s (the send, ofetch\u2019s hooks, reading the body; its JSON.parse included), the model about 30 \u00b5s (building the OData query from its options, and the reshaping into current_services that balena-sdk also does), ofetch 8 \u00b5s. On a read of about 1 ms that is the 0.15 to 0.3 above raw fetch the rows show. Reaching 1.15 would take dropping the per-request signal or the reshaping; neither is a cost a user would want removed.',
  'Memory|peak RSS while listing 10,000 devices':
    'The figure includes Node itself (an empty Node process of the same binary: see the notes, about 41 MB) and the loaded SDK with its session (the worker holds about 75 MB after login, before listing anything, already above half the official total). Above an empty Node process balena-ts peaks at about 0.6 of the official SDK (61 MB against 102 MB on 2026-12-03); what listing itself costs is the row below, within target.',
  'Memory|peak RSS above the RSS before the operation (after login)':
    'The listing is streamed and holds a few rows at a time (the models test measures +0.6 MB of live heap for 10,000 full rows); RSS also counts garbage V8 has not collected yet and the socket buffers of a 5 MB answer arriving faster than it is consumed.',
};

/**
 * Lines for the rows whose target was missed.
 * @param {{ section: string, metric: string, target?: { check: (values: Record<string, number>) => boolean | undefined }, values: Record<string, unknown> }[]} rows
 * @returns {string[]}
 */
export function missedTargetNotes(rows) {
  const notes = [];
  for (const row of rows) {
    if (!row.target) continue;
    const numbers = Object.fromEntries(Object.entries(row.values).filter(([, value]) => typeof value === 'number'));
    if (row.target.check(numbers) !== false) continue;
    const key = Object.keys(EXPLANATIONS).find((candidate) => {
      const [section, metric] = candidate.split('|');
      return row.section.startsWith(section) && row.metric === metric;
    });
    notes.push(`**${row.metric}** (${row.section.split(' (')[0]}): ${key ? EXPLANATIONS[key] : 'not analysed yet.'}`);
  }
  return notes;
}
