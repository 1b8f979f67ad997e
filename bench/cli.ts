/**
 * The CLI as people run it: start-up of the built `flopack validate` on a small flopack
 * against bare `node -e 0`, whole processes, measured in alternation in the same run
 * (goal ≤ 2.5); and `flopack fmt`'s formatter over every shared flopack in one process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatFlopackText } from '../src/export/flopack/canonical.ts';
import { corpusFiles, hasCorpus } from '../tests/corpus.ts';
import { templatePacks } from '../tests/templatePacks.ts';
import { pairedMedians, report } from './timing.ts';

const root = path.resolve(import.meta.dirname, '..');

function ownFiles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'flopack-bench-'));
  return templatePacks().map(([name, text], i) => {
    const f = path.join(dir, `${i}-${name.replace(/\W+/g, '_')}.folder`);
    writeFileSync(f, text);
    return f;
  });
}

/** Runs the CLI benchmark and prints its figures. */
export function benchCli(): void {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
  const cli = path.join(root, 'dist-cli', 'flopack.js');
  // The shared corpus when there is one, else the project's own templates.
  const files = hasCorpus ? corpusFiles() : ownFiles();
  const small = [...files].sort((a, b) => statSync(a).size - statSync(b).size)[0];
  if (small === undefined) throw new Error('no flopack to validate');
  const run = (args: string[]) => () => {
    const r = spawnSync('node', args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  };
  const [validate = 0, bare = 0] = pairedMedians(
    [run([cli, 'validate', small]), run(['-e', '0'])],
    21,
    3,
  );
  report('cli_validate_ms', validate);
  report('node_start_ms', bare);
  report('cli_validate_vs_node_start', validate / bare);

  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const [all = 0] = pairedMedians(
    [
      () => {
        for (const t of texts) if (!formatFlopackText(t).ok) throw new Error('fmt refused a file');
      },
    ],
    7,
    1,
  );
  report('fmt_all_shared_ms', all);
  report('fmt_all_shared_files', texts.length, 0);
}
