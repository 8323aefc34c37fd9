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
    'Two requests per rename, as the official SDK sends (the existence read and the PATCH by `$filter`), but sent at the same time: against a real API, where latency dominates, that is one round trip. Against this local, single-threaded sandbox the server\u2019s CPU time per request is what a rename waits for, and the existence read adds its own (the rename takes about 0.6 ms more than a raw PATCH; the concurrent row, where one read serves 1,000 renames, is within target). balena answers a PATCH that matches no row with 200 and no body, so only dropping the existence check (no DeviceNotFound) would reach raw fetch here.',
  'Wall time|rename 1,000 devices concurrently':
    'One request more than raw fetch (the shared existence check: one GET for the 1,000 devices), then the same 1,000 PATCHes by key; the difference is the request layer\u2019s fixed cost per call (see the organizations row) times 1,000 on a machine where the sandbox answers a PATCH in well under a millisecond. The lookup itself costs about one raw request (measured: a GET of 1,000 ids then the PATCHes within noise of the PATCHes alone). Timed alone the row met the target in six runs of six on 2026-12-03 (1.06-1.12, with the request layer of that morning and of the evening alike); in a full run it comes right after the sequential rename row\u2019s 9,000 writes, and two full runs that evening gave 1.22 and 1.31.',
  'Wall time|set an env var on 1,000 devices':
    'The same 1,000 POSTs as raw fetch, 10 in flight; against the single-threaded local sandbox concurrency buys nothing, and each request pays the request layer (token check, ofetch, error mapping) on top of the server’s time.',
  'Wall time|list organizations with their memberships':
    'The same request as raw fetch (the SDKs\u2019 `$orderby=name asc` included, which costs the sandbox nothing measurable on one organization), on a read of a few tenths of a millisecond once warm. The table \u201cWhere a small read\u2019s time goes\u201d splits the difference layer by layer in one process: what balena-ts gives fetch (two abort signals with their timers, a header) costs about 2%, ofetch with a timeout about 5%, the request layer on ofetch (credential, deadline and attempt timeout, hooks, retry decisions, typed errors) about 15% more, the OData client and the model (options checked, query built, answer checked) about 8%. So the request layer alone uses the whole 15% margin. Hot, with a stub fetch (30,000 calls, 2026-12-03), the whole call costs 18 \u00b5s against 7 \u00b5s for a bare fetch and JSON.parse; between network waits the same code costs three to four times that, spread over some forty functions of which none takes 5 \u00b5s (CPU profiles of 20,000 calls each, 2026-12-03). Taken out one at a time (2026-12-03, this table), the attempt\u2019s abort signal and timer moved the request layer from 1.20 to 1.17, the credential\u2019s abortable wait for a token refresh by nothing measurable, and all four attempt hooks (with the attempt signal; only the credential header left) from 1.21 to 1.13 in the same sitting. What would reach 1.15 is less code per call (fewer promise hops, objects and closures between the caller and fetch), not a single fix. Medians over 301 calls per worker once swung between 1.43 and 2.51 with the phase of V8\u2019s optimisation the calls fell in; over 1,501 they hold within 0.2 ms run to run, and balena-ts is faster than the official SDK on this row.',
  'Wall time|list the OS versions of a device type':
    'The same request on each side (raw fetch sends the SDKs\u2019 query, tags expanded), so the difference is the work on the answer: like balena-sdk, balena-ts derives every version\u2019s line, variant and base version and sorts them by balena\u2019s version rules (each version now read once, the ESR ranges once per host), plus the request layer\u2019s fixed cost (see the organizations row), on a read of about a millisecond once warm.',
  'Wall time|start an OS update':
    'Three requests on each side (the device, the OS versions, the PATCH; raw fetch: the device\u2019s type, the target release, the PATCH), timed warm. balena-ts also derives and sorts the device type\u2019s OS versions and checks balena\u2019s update rules (version, variant, architecture, online), which a hand-written program skips.',
  'Wall time|read 10,000 log lines':
    'One request for a full uuid, as raw fetch sends (earlier runs also timed the import of @balena-ts/logs and a device lookup). Until 2026-12-03 each answer\u2019s text stayed attached to its Response, which Node\u2019s fetch keeps reachable after the call, so a loop of reads carried earlier answers through every young-generation collection (a 12-18 ms scavenge every 30 calls of 100 KB); now the text is handed over once parsed. What remains is the request layer\u2019s fixed cost (see the organizations row) on a read of about 1.5 ms.',
  'Wall time|list 10,000 devices':
    'One streamed request, parsed row by row at about the speed of one `JSON.parse` of the whole answer; raw fetch asks for the same order (`device_name asc,id asc`; until 2026-12-03 it asked for none, and the sandbox sorted nothing for it); the rest is handing over 10,000 rows one at a time through `for await`.',
  'Wall time|get one device with service details':
    'One request on each side, timed warm (rows/warm-runs.mjs); balena-ts asks for the device by key (`device(uuid=...)`), raw fetch by `$filter`. Timed by stage in one process alternating the two (2026-12-03): before the request leaves, balena-ts spends 80-110 \u00b5s (building the nested `$expand` of images, services and releases, then the request layer as in the organizations row) against 3 \u00b5s for raw fetch; after the answer, 30-40 \u00b5s more (the reshaping into `current_services` that balena-sdk also does); the request itself about 20 \u00b5s longer. On a read of about 0.6-0.8 ms that is the 0.15 to 0.3 above raw fetch the rows show; reaching 1.15 would take a request layer and query building of under 60 \u00b5s together.',
  'Memory|peak RSS while listing 10,000 devices':
    'The figure includes Node itself (an empty Node process of the same binary: see the notes) and what fetch itself holds while an answer of this size arrives: a bare fetch that streams the same answer and drops each piece as it arrives, the least any client can do with it, peaks within a few MB of balena-ts (see the notes), well above half the official SDK\u2019s peak. The row below is the listing\u2019s own cost.',
  'Memory|peak RSS above the RSS before the operation (after login)':
    'The listing is streamed and holds a few rows at a time (the models test measures +0.6 MB of live heap for 10,000 full rows). The rest is fetch\u2019s: the bare fetch of the notes, streaming the same answer and dropping every piece, rises as much or more. Sampled every 10 ms in a worker (2026-12-03), that rise is anonymous memory outside V8\u2019s heap and outside ArrayBuffers, about 27 MB within 10 ms of the first bytes, the same with V8\u2019s optimising compilers off and with one malloc arena; balena-ts\u2019s own heap grew by 3 MB. Half of the official SDK\u2019s figure is below that floor: only an answer that is not read through fetch in one piece (pages, `$select`) gets under it.',
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
