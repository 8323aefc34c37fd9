// One operation in a fresh process, so that memory and module state never leak between rows:
//   node ops/worker.mjs <implementation> <operation> [warm runs]   (forked by rows/operations.mjs, with IPC)
// It sets up (login), says 'ready', waits for 'go' (the parent reads the sandbox's request counter
// in between), runs the operation, and reports wall time, result and peak RSS. With warm runs, the
// wall time is the median of that many further calls in the same process (see below).
const [implementation, operation, warmRunsArgument = '0'] = process.argv.slice(2);
const warmRuns = Number(warmRunsArgument);
// Enough for V8 to optimise the SDKs' code on the answer (a profile of the OS versions row: after
// 5 calls balena-ts took 1.9 times raw fetch, after 50 about 1.1; raw fetch has little code to optimise).
const WARM_UP = 30;
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
    // then the same call runs WARM_UP times unmeasured and warmRuns times measured (the median).
    await new Promise((resolve) => {
      process.once('message', resolve);
      process.send({ type: 'counted' });
    });
    for (let run = 0; run < WARM_UP; run++) await operations[operation](context, config);
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
