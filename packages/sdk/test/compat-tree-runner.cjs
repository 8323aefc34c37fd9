// Prints the tree of an official balena-sdk instance as JSON lines `{ path, arity }`, then each
// error class's `{ error, code, name, message }`.
// Run by compat-tree.test.ts on a Node that balena-sdk 23 supports; argv[2] is the package path.
const { getSdk } = require(process.argv[2]);
const sdk = getSdk({ apiUrl: 'http://127.0.0.1:9', dataDirectory: false });
const seen = new Set();
function walk(value, path) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const key of Object.keys(value)) {
    if (key.startsWith('_')) continue;
    const child = value[key];
    const at = path ? `${path}.${key}` : key;
    if (typeof child === 'function') console.log(JSON.stringify({ path: at, arity: child.length }));
    else walk(child, at);
  }
}
walk(
  { auth: sdk.auth, models: sdk.models, logs: sdk.logs, settings: sdk.settings, utils: sdk.utils, errors: sdk.errors },
  '',
);
// pine's and request's functions live on prototypes or closures: list the public ones by name.
for (const name of ['get', 'post', 'patch', 'delete', 'upsert', 'getOrCreate', 'prepare', 'subscribe']) {
  console.log(JSON.stringify({ path: `pine.${name}`, arity: sdk.pine[name].length }));
}
for (const name of ['send', 'stream'])
  console.log(JSON.stringify({ path: `request.${name}`, arity: sdk.request[name].length }));
for (const name of ['setSharedOptions', 'fromSharedOptions']) {
  console.log(JSON.stringify({ path: name, arity: require(process.argv[2])[name].length }));
}
// Each error class made with the same two arguments: its code, name and message.
for (const [name, ErrorClass] of Object.entries(sdk.errors)) {
  if (name === 'BalenaError') continue;
  try {
    const error = new ErrorClass('x', 400);
    console.log(JSON.stringify({ error: name, code: error.code, name: error.name, message: error.message }));
  } catch {
    // a constructor that needs other arguments is compared by presence only
  }
}
