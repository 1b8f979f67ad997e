/**
 * `npm start` after the build: runs the server in a child process whose environment limits
 * glibc's malloc arenas (MALLOC_ARENA_MAX=2, unless already set) — glibc reads it only at
 * process start — and keeps V8's young generation small, so memory returns after a burst of
 * imports and exports. Signals go to the server; its exit code is ours.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
const child = spawn(
  process.execPath,
  ['--max-semi-space-size=4', 'dist-server/src/server/index.js', ...process.argv.slice(2)],
  { env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1));
});
