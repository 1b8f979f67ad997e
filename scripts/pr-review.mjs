#!/usr/bin/env node
// Entry point of the pull-request review (action.yml): runs scripts/pr-review.ts through tsx,
// which resolves from this file's own node_modules, so it works from any working directory.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./pr-review.ts');
try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (e) {
  console.error(`pr-review: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
