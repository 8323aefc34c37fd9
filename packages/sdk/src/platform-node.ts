// `#platform` in Node (package.json `imports`): settings and the session token on the filesystem,
// compatible with the balena CLI; options win over `BALENARC_*` env vars, which win over
// `~/.balenarc.yml`.
import { get, getAll, has, remove, resolveClientOptions, set } from '@balena-ts/settings-node';
import type { Platform } from './create-balena.js';

/** settings-node's pieces of the facade. */
export const PLATFORM: Platform = { resolveClientOptions, settings: { get, getAll, has, remove, set } };
