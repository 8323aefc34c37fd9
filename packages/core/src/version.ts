/** This package's version, sent in the default client identification; written by scripts/sync-versions.mjs. */
export const VERSION = '0.0.0';
