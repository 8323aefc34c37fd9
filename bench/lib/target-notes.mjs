// Why a missed target is missed, and what would reach it: one explanation per row, printed under
// the table for every row whose target the run did not meet. The reasons were found by measuring
// (module load times, installed package lists, request logs); the figures themselves come from the
// run, never from here.

/** @type {Record<string, string>} keyed by `${section prefix}|${metric}` */
const EXPLANATIONS = {
  'Node cold start|time to first request':
    'Node itself costs the raw-fetch column; no SDK can go below it, so 1/4 of the official total would need Node to start 4 times faster. See the next row for the SDK’s own cost.',
  'Node cold start|time above raw fetch (the SDK’s own cost)':
    'Most of it is importing `ofetch`: under Node its `node` export condition loads `node-fetch-native` and `node:http`/`node:https` (about 50 ms here, more than all balena-ts modules together), although core hands ofetch the global `fetch` anyway. Core calling `fetch` directly (or an ofetch build without the Node polyfill) would remove it; the rest is the first `fetch` call initialising undici, which raw fetch pays too.',
  'Installed footprint|packages':
    'auth depends on otplib (8 packages: otplib, @otplib/*, @noble/hashes, @scure/base) and core on ofetch (ofetch, node-fetch-native, ufo, destr). TOTP in ~60 lines on `crypto.subtle` and plain `fetch` in core would leave 3 packages.',
  'Installed footprint|bytes (apparent size)':
    'otplib and its dependencies are about 1.7 MB and node-fetch-native 0.76 MB; the three balena-ts packages ship `src/`, source maps and declaration maps beside `dist/` (about 1.7 MB). Dropping those two dependencies and the shipped sources/maps would bring it well under 2 MB.',
  'Requests made|list 10,000 devices':
    'balena-ts pages by design (1,000 rows a page, plus the empty page that ends the list) so that a 10,000-device fleet is never held in memory at once; the official SDK asks for everything in one request. A page size chosen by the caller (or one request when the caller awaits the whole list) would match it.',
  'Requests made|rename 1,000 devices':
    'balena-ts sends exactly what the official SDK sends, two requests per device (a read so that a missing device gives DeviceNotFound, then the PATCH); a run that shows one more request counted a request from outside the operation (the simulated device or a token refresh: see the per-run counts in the notes). A rename that patches by id and checks the answer would reach raw fetch’s one request.',
  'Requests made|set an env var on 1,000 devices':
    'setForDevices first reads which of the 1,000 devices already hold the variable (one request per chunk of ids), then creates the missing ones one POST each; the official SDK just POSTs. The read pays off when most devices already have the value (then it writes nothing).',
  'Wall time|rename 1,000 devices':
    'Each rename reads the device first (so that a missing one gives DeviceNotFound: a PATCH on a missing id answers 200) and then patches it: two requests where raw fetch sends one. The official SDK does the same two requests. A rename that patches by id and checks the answer would halve it.',
  'Wall time|set an env var on 1,000 devices':
    'setForDevices pays a read before it writes (see the request row), and its 10 writes in flight do not help against a single-threaded local sandbox.',
  'Wall time|read 10,000 log lines':
    'history() first resolves the device (one GET) before reading the logs: two requests for raw fetch’s one, on an operation that takes a few milliseconds. Passing a full uuid straight through would remove the lookup.',
  'Wall time|list 10,000 devices':
    'Eleven page requests instead of one (see the request row); each pays a round trip and an OData query.',
  'Wall time|get one device with service details':
    'A few milliseconds above raw fetch on a ~10 ms operation: client set-up, token check and the result reshaping into current_services.',
  'Memory|peak RSS while listing 10,000 devices':
    'The figure includes Node itself and the loaded SDK (tens of MB that every column pays); half of the official total is below what raw fetch reaches. The row below is what listing costs.',
  'Memory|peak RSS above the RSS before the operation (after login)':
    'Pages of 1,000 full device objects are parsed one after another, but V8 collects the previous pages lazily, so RSS still climbs. Smaller pages or `$select` of the fields needed would lower it further.',
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
