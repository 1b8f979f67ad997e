/** `npm run bench`: performance figures as `name: value` lines (targets, not tests). */
import { benchFlopack } from './flopack.ts';
import { benchRender } from './render.ts';

const only = process.argv[2];
const suites: Record<string, () => void | Promise<void>> = {
  flopack: benchFlopack,
  render: benchRender,
};

for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`# ${name}`);
  await run();
}
