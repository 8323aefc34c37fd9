// `#platform` under the `browser` condition (package.json `imports`): settings and the session
// token on `localStorage`, in memory when it is unavailable.
import { get, getAll, has, remove, resolveClientOptions, set } from '@balena-ts/settings-browser';
import type { Platform } from './create-balena.js';

/** settings-browser's pieces of the facade. */
export const PLATFORM: Platform = { resolveClientOptions, settings: { get, getAll, has, remove, set } };
