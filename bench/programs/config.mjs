// What every benchmark program receives. In a browser bundle it comes from globalThis.BENCH_CONFIG;
// in the cold-start runs from the BENCH_CONFIG environment variable (JSON).

/**
 * @typedef {object} ProgramConfig
 * @property {string} apiUrl
 * @property {string} email
 * @property {string} password
 * @property {number | string} fleet      fleet id or slug
 * @property {string} deviceUuid
 */

export {};
