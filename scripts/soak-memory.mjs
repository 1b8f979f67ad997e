/**
 * Preloaded into the server by `npm run soak` (`node --import`): prints the server's own
 * `process.memoryUsage()` twice a second, so the soak reports heap, external and array-buffer
 * memory next to RSS. Never loaded by `npm start`.
 */
const report = () => {
  const m = process.memoryUsage();
  process.stdout.write(
    `soak-memory ${JSON.stringify({ rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
};
setInterval(report, 500).unref();
report();
