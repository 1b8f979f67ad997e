import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatePacks } from '../../tests/templatePacks.ts';
import { writeFileSync } from 'node:fs';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('the installable flopack package', () => {
  it('`npm pack` gives a package that runs `npx <tarball> validate FILE` in an empty folder', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'flopack-pack-'));
    const out = path.join(work, 'cli');
    execFileSync('node', ['scripts/build-cli.mjs'], {
      cwd: root,
      env: { ...process.env, FLOPACK_CLI_OUT: out },
    });
    const manifest = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as {
      dependencies?: object;
      bin: object;
    };
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ flopack: 'flopack.js' });
    const env = { ...process.env, npm_config_cache: path.join(work, 'npm-cache') };
    execFileSync('npm', ['pack', out, '--pack-destination', work], { env, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '';
    expect(tarball).toMatch(/^flopack-\d+\.\d+\.\d+\.tgz$/);

    const empty = mkdtempSync(path.join(tmpdir(), 'flopack-user-'));
    copyFileSync(path.join(work, tarball), path.join(empty, tarball));
    writeFileSync(path.join(empty, 'quarantine.folder'), templatePacks()[2]?.[1] ?? '');
    const stdout = execFileSync('npx', ['--yes', `./${tarball}`, 'validate', 'quarantine.folder'], {
      cwd: empty,
      env,
      encoding: 'utf8',
    });
    expect(stdout.trim()).toBe('quarantine.folder: ok');
    expect(readdirSync(empty).sort()).toEqual([tarball, 'quarantine.folder'].sort());
  }, 120_000);
});
