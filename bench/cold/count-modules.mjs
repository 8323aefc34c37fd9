// Preloaded (--import) into a cold-start run: counts every module file loaded from disk, by
// import or require (module.registerHooks sees both; Node >= 22.15), and prints the count on
// stderr at the moment the program sends its first HTTP request (fetch or node:http).
import diagnosticsChannel from 'node:diagnostics_channel';
import module from 'node:module';

const loaded = new Set();
module.registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) loaded.add(url);
    return nextLoad(url, context);
  },
});

let reported = false;
function report() {
  if (reported) return;
  reported = true;
  const packages = new Set();
  for (const url of loaded) {
    const name = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)?.[1];
    if (name) packages.add(name);
  }
  process.stderr.write(`BENCH_MODULES ${JSON.stringify({ modules: loaded.size, packages: packages.size })}\n`);
}
diagnosticsChannel.subscribe('undici:request:create', report);
diagnosticsChannel.subscribe('http.client.request.start', report);
