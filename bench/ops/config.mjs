// What each operation worker receives from run.mjs (JSON in BENCH_OPERATION_CONFIG).

/**
 * @typedef {object} OperationConfig
 * @property {string} apiUrl            the sandbox, without a trailing slash
 * @property {string} email
 * @property {string} password
 * @property {number} fleetId           the 10,000-device fleet
 * @property {string} detailUuid        a device running a release with services
 * @property {number[]} writeDeviceIds  the 1,000 devices the rename and env var loops write to
 * @property {string} envVarName        one name per implementation, so each one creates its variables
 * @property {string} logUuid           a device with logCount log lines
 * @property {number} logCount
 * @property {string} deviceType        the fleet's device type (its OS versions are listed)
 * @property {string[]} osUpdateUuids   online devices on an older balenaOS, this run's share (one per call)
 * @property {string} osUpdateTo        the balenaOS version the OS update row starts
 */

export {};
