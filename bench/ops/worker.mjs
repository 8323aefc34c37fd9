// One operation in a fresh process, so that memory and module state never leak between rows:
//   node ops/worker.mjs <implementation> <operation> [warm-up calls] [warm runs]
// (forked by rows/operations.mjs, with IPC; the counts are in rows/warm-runs.mjs)
// It sets up (login), says 'ready', waits for 'go' (the parent reads the sandbox's request counter
// in between), runs the operation, and reports wall time, result and peak RSS. With warm runs, the
// wall time is the median of that many further calls in the same process (see below).
const [implementation, operation, warmUpArgument = '0', warmRunsArgument = '0'] = process.argv.slice(2);
const warmUp = Number(warmUpArgument);
const warmRuns = Number(warmRunsArgument);
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
  let ms = performance.now() - startedAt;
  if (warmRuns > 0) {
    // A read of a few milliseconds is timed warm: the parent counts the first call's requests,
    // then the same call runs warmUp times unmeasured and warmRuns times measured (the median).
    await new Promise((resolve) => {
      process.once('message', resolve);
      process.send({ type: 'counted' });
    });
    for (let run = 0; run < warmUp; run++) await operations[operation](context, config);
    const times = [];
    for (let run = 0; run < warmRuns; run++) {
      const runStartedAt = performance.now();
      await operations[operation](context, config);
      times.push(performance.now() - runStartedAt);
    }
    ms = times.sort((left, right) => left - right)[Math.floor(times.length / 2)];
  }
  process.send({ type: 'done', ms, items, rssBeforeBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
} catch (error) {
  process.send({ type: 'error', message: error?.message ?? String(error) });
}
process.disconnect();
