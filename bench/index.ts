/** `npm run bench`: performance figures as `name: value` lines (targets, not tests). */
import { benchCanvas } from './canvas.ts';
import { benchCanvasApp } from './canvasApp.ts';
import { benchCli } from './cli.ts';
import { benchFlopack } from './flopack.ts';
import { benchRender } from './render.ts';

const only = process.argv[2];
const suites: Record<string, () => void | Promise<void>> = {
  flopack: benchFlopack,
  render: benchRender,
  canvas: benchCanvas,
  canvasApp: benchCanvasApp,
  cli: benchCli,
};

for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`# ${name}`);
  await run();
}
