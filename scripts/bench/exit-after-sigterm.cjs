// Preloaded into the benchmarks' `next start` when profiling (node --cpu-prof writes its file
// only when the process exits by itself or through process.exit, never on SIGKILL). Next
// exits on SIGTERM once its server has closed AND every after()/waitUntil promise has settled;
// in in-process job mode one of those never settles (seen in bench:webhooks: the sockets
// are closed, "start-server process cleanup" is logged, "cleanup finished" never is). So
// a few seconds after SIGTERM this exits anyway, and the profile is written.
'use strict';
const graceMs = Number(process.env.BENCH_EXIT_GRACE_MS) > 0 ? Number(process.env.BENCH_EXIT_GRACE_MS) : 5_000;
process.once('SIGTERM', () => {
  setTimeout(() => {
    console.error(`[bench] next start still not exited ${graceMs} ms after SIGTERM (an after() task pending); exiting so the CPU profile is written`);
    process.exit(143);
  }, graceMs).unref();
});
