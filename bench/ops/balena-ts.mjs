// The operation rows through balena-ts.
// TODO(balena-ts): implement setup and each operation with @balena-ts/{core,auth,models,logs}
// (same inputs as ops/official.mjs: device ids for the write loops, uuids for reads) and remove
// the throws. Until then the balena-ts column prints n/a.

/** @param {import('./config.mjs').OperationConfig} _config */
export async function setup(_config) {
  throw new Error('not yet');
}

const notYet = async () => {
  throw new Error('not yet');
};

/** @type {Record<string, (client: any, config: import('./config.mjs').OperationConfig) => Promise<number>>} */
export const operations = {
  getDeviceWithServiceDetails: notYet,
  listDevices: notYet,
  renameDevices: notYet,
  setEnvVars: notYet,
  readLogs: notYet,
};
