// One cold start: imports a benchmark program and runs it against BENCH_CONFIG (JSON).
//   node cold/start.mjs <official|balena-ts|raw-fetch> <a|b|c>
const [implementation, program] = process.argv.slice(2);
const { run } = await import(`../programs/${implementation}/${program}.mjs`);
await run(JSON.parse(process.env.BENCH_CONFIG ?? '{}'));
