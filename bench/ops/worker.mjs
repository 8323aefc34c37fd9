// One operation in a fresh process, so that memory and module state never leak between rows:
//   node ops/worker.mjs <implementation> <operation>   (forked by rows/operations.mjs, with IPC)
// It sets up (login), says 'ready', waits for 'go' (the parent reads the sandbox's request counter
// in between), runs the operation, and reports wall time, result and peak RSS.
const [implementation, operation] = process.argv.slice(2);
const config = JSON.parse(process.env.BENCH_OPERATION_CONFIG ?? '{}');

try {
  const { setup, operations } = await import(`./${implementation}.mjs`);
  const context = await setup(config);
  await new Promise((resolve) => {
    process.once('message', resolve);
    process.send({ type: 'ready' });
  });
  const rssBeforeBytes = process.memoryUsage().rss;
  const startedAt = performance.now();
  const items = await operations[operation](context, config);
  const ms = performance.now() - startedAt;
  process.send({ type: 'done', ms, items, rssBeforeBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
} catch (error) {
  process.send({ type: 'error', message: error?.message ?? String(error) });
}
process.disconnect();
