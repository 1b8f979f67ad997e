#!/usr/bin/env node
// The `flopack` command of this checkout: runs the CLI built to JavaScript (dist-cli/, made by
// `npm run build` or `npm run build:cli`). When it is missing, or older than a source file, it
// runs the TypeScript sources through tsx instead and says so: that start is much slower.
// (The installed `flopack` package runs its built file directly.)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/flopack.js', import.meta.url);
const src = fileURLToPath(new URL('../src', import.meta.url));

function fresh() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  for (const f of readdirSync(src, { recursive: true })) {
    if (/\.(ts|json)$/.test(f) && statSync(`${src}/${f}`).mtimeMs > builtAt) return false;
  }
  return true;
}

if (fresh()) await import(built.href);
else {
  process.stderr.write(
    'flopack: running from the sources (dist-cli is missing or stale: npm run build:cli)\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
