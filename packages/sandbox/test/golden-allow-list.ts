import type { Comparison } from './support/golden-replay.js';

/** A golden record the sandbox does not (or must not) match exactly, with the reason. */
export interface AllowListEntry {
  comparison: Exclude<Comparison, 'full'>;
  reason: string;
}

const DEPLOYMENT_DATA =
  'deployment data (device-type catalogue of the recording server): match status and media type, not content';
const OWN_WORDS = 'descriptions written in our own words (never copied): compared by shape';
const ENDPOINT_HOSTS =
  'endpoint host names are deployment data (vpn.oba.invalid vs vpn.sandbox.invalid): compared by shape';

const NO_PUBLIC_APPS =
  'the recording server had no public applications; the sandbox has the balenaOS host fleets, which balena lists to every caller: match status and media type, not content';

const NEVER_CONNECTED =
  'a device that never reached the API: open-balena says overall_status "configuring", balena-cloud (which the sandbox follows, SANDBOX.md) "inactive": compared by shape';

/** api-cases.jsonl, by case id. */
export const API_CASES_ALLOW_LIST: Record<string, AllowListEntry> = {
  'post-application-bad-json': {
    comparison: 'status',
    reason:
      'the recording server ran express in development mode (its page holds the V8 message and a stack with file paths); the sandbox answers as balena in production: the same 400 HTML page saying only "Bad Request"',
  },
  'filter-startswith': { comparison: 'status', reason: DEPLOYMENT_DATA },
  'filter-substringof': { comparison: 'status', reason: DEPLOYMENT_DATA },
  'filter-contains': { comparison: 'status', reason: DEPLOYMENT_DATA },
  'device-types-list': { comparison: 'status', reason: DEPLOYMENT_DATA },
  'device-types-one': {
    comparison: 'status',
    reason: `${DEPLOYMENT_DATA} (the recording server's fake image store added fields)`,
  },
  'odata-no-token-application': { comparison: 'status', reason: NO_PUBLIC_APPS },
  'odata-bad-token-application': { comparison: 'status', reason: NO_PUBLIC_APPS },
  'odata-expired-jwt-application': { comparison: 'status', reason: NO_PUBLIC_APPS },
  'config-vars': { comparison: 'shape', reason: OWN_WORDS },
  'get-device-new': { comparison: 'shape', reason: NEVER_CONNECTED },
  'download-config-get': { comparison: 'shape', reason: ENDPOINT_HOSTS },
  'download-config-post': { comparison: 'shape', reason: ENDPOINT_HOSTS },
};

/** sdk-trace.jsonl, by seq. */
export const SDK_TRACE_ALLOW_LIST: Record<string, AllowListEntry> = {
  '3': {
    comparison: 'skip',
    reason:
      'GET /config is 404 on open-balena but exists on balena-cloud; we serve it because the SDK config.getAll and device URLs need it',
  },
  '4': { comparison: 'shape', reason: OWN_WORDS },
  '23': { comparison: 'shape', reason: NEVER_CONNECTED },
  '40': { comparison: 'shape', reason: NEVER_CONNECTED },
  '6': { comparison: 'status', reason: DEPLOYMENT_DATA },
  '8': { comparison: 'status', reason: DEPLOYMENT_DATA },
  '56': { comparison: 'shape', reason: ENDPOINT_HOSTS },
  '13': { comparison: 'status', reason: NO_PUBLIC_APPS },
  '58': {
    comparison: 'status',
    reason: 'the recording server held API keys of earlier runs: match status and media type, not the list',
  },
};
