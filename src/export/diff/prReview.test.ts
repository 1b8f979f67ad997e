/**
 * The review script of the GitHub Action (scripts/pr-review.ts), end to end: a temporary git
 * repository with real flopacks edited on a branch, and a local stand-in for GitHub's API.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/pr-review.ts';
import { corpusFile, describeCorpus, hasCorpus } from '../../../tests/corpus.ts';
import { COMMENT_MARKER } from './comment.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'flopack-pr-'));
const out = path.join(repo, '.review');
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const shared = corpusFile;

const requests: { method: string; url: string; body: string }[] = [];
const comments: { id: number; body: string; html_url: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', body });
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET') {
      res.end(JSON.stringify(comments));
      return;
    }
    const text = (JSON.parse(body) as { body: string }).body;
    const id = req.method === 'POST' ? comments.length + 1 : Number(req.url?.split('/').pop());
    const c = { id, body: text, html_url: `https://github.example/c/${id}` };
    if (req.method === 'POST') comments.push(c);
    else
      comments.splice(
        comments.findIndex((x) => x.id === id),
        1,
        c,
      );
    res.end(JSON.stringify(c));
  });
});

// Keep idle connections open longer than a slow review takes, so a reused one is never reset.
server.keepAliveTimeout = 120_000;

let env: Record<string, string> = {};

beforeAll(async () => {
  if (!hasCorpus) return;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  mkdirSync(path.join(repo, 'flows'));
  copyFileSync(
    shared('okta_add_user_to_a_group_ispm_remediation_flow'),
    path.join(repo, 'flows/risk.flopack'),
  );
  copyFileSync(shared('suspend_inactive_users'), path.join(repo, 'flows/suspend.folder'));
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'change');
  const risk = path.join(repo, 'flows/risk.flopack');
  writeFileSync(
    risk,
    readFileSync(risk, 'utf8').replaceAll('"Add User to Group"', '"Add User to MFA Group"'),
  );
  rmSync(path.join(repo, 'flows/suspend.folder'));
  copyFileSync(shared('verify_customer'), path.join(repo, 'flows/verify.flow'));
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  env = {
    GITHUB_TOKEN: 'secret',
    GITHUB_REPOSITORY: 'acme/flows',
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    GITHUB_OUTPUT: path.join(repo, 'outputs.txt'),
    FLOPACK_PR: '5',
    FLOPACK_ARTIFACT: 'flopack-review',
  };
});

afterAll(() =>
  hasCorpus ? new Promise<void>((resolve) => server.close(() => resolve())) : undefined,
);

/** Runs the script with its log captured (returned) instead of printed. */
async function quiet(fn: () => Promise<unknown>): Promise<string[]> {
  const logged: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void logged.push(s));
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return logged;
}

describeCorpus('the pull-request review script', () => {
  it('posts one comment with every changed file and writes the pictures', async () => {
    let code = -1;
    const log = await quiet(async () => {
      code = await main(['--base', 'main', '--head', 'change', '--out', out], env, repo);
    });
    expect(code).toBe(0);
    expect(log).toEqual([
      'flows/risk.flopack: 1 change',
      'flows/suspend.folder: 2 changes',
      'flows/verify.flow: 2 changes',
      'comment created: https://github.example/c/1',
    ]);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/acme/flows/issues/5/comments?per_page=100&page=1',
      'POST /repos/acme/flows/issues/5/comments',
    ]);
    const body = comments[0]?.body ?? '';
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('### flows/risk.flopack — modified');
    expect(body).toContain(
      "- Card 'Add User to Group' renamed to 'Add User to MFA Group' in flow '3.2 Okta - Add user to a group (Enforce MFA / Enroll factors)'",
    );
    expect(body).toContain('### flows/suspend.folder — removed');
    expect(body).toContain('### flows/verify.flow — added');
    expect(body).toContain(
      'SVG and PNG pictures and an HTML page per file are in the workflow artifact “flopack-review”.',
    );
    expect(body).toContain(
      'In the workflow artifact: `html/flows-risk-flopack.html` (HTML page: every flow, pan and zoom, card details), `flows-risk-flopack.svg`, `flows-risk-flopack.png`.',
    );
    for (const f of ['flows-risk-flopack', 'flows-suspend-folder', 'flows-verify-flow'])
      for (const ext of ['svg', 'png'])
        expect(existsSync(path.join(out, `${f}.${ext}`))).toBe(true);
    // An HTML page of each file's new version; a removed file has none.
    const page = readFileSync(path.join(out, 'html/flows-verify-flow.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('verify.flow');
    expect(existsSync(path.join(out, 'html/flows-risk-flopack.html'))).toBe(true);
    expect(existsSync(path.join(out, 'html/flows-suspend-folder.html'))).toBe(false);
    const outputs = readFileSync(env['GITHUB_OUTPUT'] ?? '', 'utf8');
    expect(outputs).toContain('files=3\npictures=true\ncomment-url=https://github.example/c/1\n');
  });

  it('updates the same comment on the next push', async () => {
    requests.length = 0;
    await quiet(() => main(['--base', 'main', '--head', 'change'], env, repo));
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(comments).toHaveLength(1);
  });

  it('writes files first, then comments with links to the uploaded artifact, as the Action runs it', async () => {
    const staged = path.join(repo, '.staged');
    requests.length = 0;
    const files = await quiet(() =>
      main(
        ['--base', 'main', '--head', 'change', '--out', staged],
        {
          ...env,
          FLOPACK_STAGE: 'files',
        },
        repo,
      ),
    );
    expect(requests).toEqual([]);
    expect(files).toHaveLength(3);
    expect(existsSync(path.join(staged, 'html/flows-verify-flow.html'))).toBe(true);
    const url = 'https://github.com/acme/flows/actions/runs/7/artifacts/42';
    rmSync(staged, { recursive: true });
    await quiet(() =>
      main(
        ['--base', 'main', '--head', 'change', '--out', staged],
        {
          ...env,
          FLOPACK_STAGE: 'comment',
          FLOPACK_ARTIFACT_URL: url,
        },
        repo,
      ),
    );
    expect(existsSync(staged)).toBe(false);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    const body = comments[0]?.body ?? '';
    expect(body).toContain(`“flopack-review” ([download](${url})).`);
    expect(body).toContain(
      `In the [workflow artifact](${url}): \`html/flows-verify-flow.html\` (HTML page: every flow, pan and zoom, card details), \`flows-verify-flow.svg\`, \`flows-verify-flow.png\`.`,
    );
    // A hostile address is not linked.
    await quiet(() =>
      main(
        ['--base', 'main', '--head', 'change', '--out', staged],
        {
          ...env,
          FLOPACK_STAGE: 'comment',
          FLOPACK_ARTIFACT_URL: 'javascript:alert(1)',
        },
        repo,
      ),
    );
    expect(comments[0]?.body).not.toContain('javascript:');
    expect(comments[0]?.body).toContain('In the workflow artifact: `html/flows-verify-flow.html`');
  });

  it('prints the comment instead of posting it in a dry run', async () => {
    requests.length = 0;
    const logged = await quiet(() =>
      main(['--base', 'main', '--head', 'change', '--dry-run'], {}, repo),
    );
    expect(requests).toEqual([]);
    expect(logged.at(-1)).toMatch(/^<!-- flopack-studio-review -->\n\n## Flopack review/);
  });
});
