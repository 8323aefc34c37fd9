// Bugs this suite found, reported to the packages' owners (see the final report of the session
// that wrote this file). Each entry names a function and the failures it shows today; those
// failures do not fail the run, and a matching `it.fails` case turns red once the bug is fixed
// (then delete the entry). Most are `null`/wrong-type arguments reaching `.trim()`, `.replace()`
// or a destructuring before any check (default parameters only replace `undefined`).
export const KNOWN_BUGS: Record<string, { summary: string; pattern: RegExp }> = {
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'apiUrl')
  '@balena-ts/core#createClient': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. text = 0: threw a non-BalenaError: TypeError: text.replace is not a function
  '@balena-ts/core#redact': {
    summary: 'text: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. params = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'pageSize')
  '@balena-ts/core#paginate': {
    summary: 'params: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. config = {}: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'replace')
  '@balena-ts/core/settings#deriveSettings': {
    summary: 'config: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. key = Symbol(hostile): threw a non-BalenaError: TypeError: Cannot convert a Symbol value to a string
  '@balena-ts/core/settings#get': {
    summary: 'key: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. settings = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'balena_host')
  '@balena-ts/core/settings#toClientOptions': {
    summary: 'settings: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. credentials = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'username')
  '@balena-ts/auth#authenticate': {
    summary: 'credentials: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. credentials = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'username')
  '@balena-ts/auth#login': {
    summary: 'credentials: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. credentials = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'email')
  '@balena-ts/auth#register': {
    summary: 'credentials: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'version')
  '@balena-ts/models/application#getConfig': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'name')
  '@balena-ts/models/application#generateProvisioningKey': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. expiryTimestamp = 9007199254740992: threw a non-BalenaError: RangeError: Invalid time value
  '@balena-ts/models/application#grantSupportAccess': {
    summary: 'expiryTimestamp: RangeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. expiryTimestamp = 9007199254740992: threw a non-BalenaError: RangeError: Invalid time value
  '@balena-ts/models/device#grantSupportAccess': {
    summary: 'expiryTimestamp: RangeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. applicationArchitecture = "__proto__": threw a non-BalenaError: TypeError: accepted.includes is not a function
  '@balena-ts/models/device#isArchitectureCompatible': {
    summary: 'applicationArchitecture: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. name = 0: threw a non-BalenaError: TypeError: name.startsWith is not a function
  '@balena-ts/models/application-env-variable#isSystemVariable': {
    summary: 'name: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'concurrency')
  '@balena-ts/models/device-env-variable#setForDevices': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'concurrency')
  '@balena-ts/models/device-config-variable#setForDevices': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'image')
  '@balena-ts/models/release#getWithImageDetails': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'concurrency')
  '@balena-ts/models/device-tag#setForDevices': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = null: threw a non-BalenaError: TypeError: Cannot read properties of null (reading 'signal')
  '@balena-ts/logs#history': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. uuid = {}: threw a non-BalenaError: TypeError: Cannot convert object to primitive value
  '@balena-ts/logs#stream': {
    summary: 'options, uuid: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. uuid = {}: threw a non-BalenaError: TypeError: Cannot convert object to primitive value
  '@balena-ts/logs#subscribe': {
    summary: 'options, uuid: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
  // e.g. options = undefined: threw a non-BalenaError: TypeError: Cannot read properties of undefined (reading 'endpoint')
  '@balena-ts/supervisor#configureSupervisor': {
    summary: 'options: TypeError instead of a typed error for hostile inputs',
    pattern: /threw a non-BalenaError: (TypeError|RangeError)/,
  },
};
