// Loaded into the language server by `npm run bench` (node --require): every 10 ms, appends
// "<wall-clock ms> <longest event-loop delay since the last line, ms>" to the file named by
// BENCH_EVENT_LOOP_FILE, so the benchmark can read how long the server's event loop was
// blocked while it opened a report. Not part of the product.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const fs = require('node:fs');
const file = process.env.BENCH_EVENT_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  setInterval(() => {
    fs.appendFileSync(file, `${Date.now()} ${(histogram.max / 1e6).toFixed(2)}\n`);
    histogram.reset();
  }, 10).unref();
}
