/**
 * The pull-request review the GitHub Action runs (action.yml): finds the flopack files changed
 * between the base and head commits, diffs each, writes SVG and PNG pictures for the workflow
 * artifact, and creates or updates one comment on the pull request.
 *
 * Locally, `node scripts/pr-review.mjs --base origin/main --dry-run` prints the comment for
 * the working tree instead of posting it.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reviewComment } from '../src/export/diff/comment.ts';
import { changedFlopacks } from '../src/export/diff/gitFiles.ts';
import { upsertComment } from '../src/export/diff/github.ts';
import type { ArtifactFiles, ReviewLevel } from '../src/export/diff/markdown.ts';
import { diffSvg } from '../src/export/diff/pictures.ts';
import type { FileResult } from '../src/export/diff/review.ts';
import { reviewFile } from '../src/export/diff/review.ts';
import { slug } from '../src/export/render/escape.ts';
import { renderPackHtml } from '../src/export/render/html.ts';
import { svgToPng } from '../src/export/render/png.ts';

/** What to review and where pictures and pages go. */
export interface ReviewRun {
  cwd: string;
  base: string;
  /** A commit, or null for the working tree. */
  head: string | null;
  /** Directory for SVG and PNG pictures and HTML pages, or null for none. */
  out: string | null;
  /** How the comment names the pictures' artifact (null: no mention). */
  artifact: string | null;
  /** False: only name the files `out` would hold (they were written by an earlier run). */
  write?: boolean;
  /** Address of the uploaded artifact, linked from each file's section. */
  artifactUrl?: string | null;
}

/** The review of a run: the comment and the files written (or named) in `out`. */
export interface Review {
  body: string;
  level: ReviewLevel;
  files: FileResult[];
  pictures: string[];
  pages: string[];
}

/**
 * Diffs every changed flopack file and builds the comment; into `out` it writes, per file,
 * SVG and PNG pictures of the changed flows and the HTML page of the new version (the page
 * `flopack render --format html` writes), named after the file's path.
 */
export function buildReview(run: ReviewRun): Review {
  const files = changedFlopacks({ cwd: run.cwd, base: run.base, head: run.head }).map((f) =>
    reviewFile(f.oldPath ? `${f.oldPath} → ${f.path}` : f.path, f.oldText, f.newText),
  );
  const pictures: string[] = [];
  const pages: string[] = [];
  if (run.out !== null) {
    const write = run.write !== false;
    if (write) mkdirSync(path.join(run.out, 'html'), { recursive: true });
    const taken = new Set<string>();
    for (const f of files) {
      const changed = f.pictures.filter((p) => p.flow.status !== 'unchanged');
      const after = f.status !== 'removed' && f.pair ? f.pair.after : null;
      if (changed.length === 0 && after === null) continue;
      const base = slug(f.label, 'flopack');
      let name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
      taken.add(name);
      const own: ArtifactFiles = { page: null, pictures: [] };
      if (after !== null) {
        own.page = `html/${name}.html`;
        const title = path.basename(f.label.split(' → ').at(-1) ?? f.label);
        if (write) writeFileSync(path.join(run.out, own.page), renderPackHtml(after, title));
        pages.push(path.join(run.out, own.page));
      }
      if (changed.length > 0) {
        const svg = write ? diffSvg(changed) : '';
        for (const ext of ['svg', 'png'] as const) {
          const file = path.join(run.out, `${name}.${ext}`);
          if (write) writeFileSync(file, ext === 'svg' ? svg : svgToPng(svg));
          own.pictures.push(`${name}.${ext}`);
          pictures.push(file);
        }
      }
      f.artifactFiles = own;
    }
  }
  const artifact =
    pictures.length + pages.length && run.artifact !== null ? run.artifact : undefined;
  const { body, level } = reviewComment(files, {
    ...(artifact ? { artifact } : {}),
    ...(artifact && run.artifactUrl ? { artifactUrl: run.artifactUrl } : {}),
  });
  return { body, level, files, pictures, pages };
}

/** An artifact address from the upload step, or null when it is not a plain https URL. */
export function artifactAddress(raw: string | undefined): string | null {
  return raw && /^https:\/\/[^\s()<>[\]`]+$/.test(raw) ? raw : null;
}

type Env = Record<string, string | undefined>;

function event(env: Env): { number?: number; base?: string; head?: string } {
  const file = env['GITHUB_EVENT_PATH'];
  if (!file) return {};
  try {
    const e = JSON.parse(readFileSync(file, 'utf8')) as {
      pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } };
    };
    const pr = e.pull_request;
    return {
      ...(pr?.number !== undefined ? { number: pr.number } : {}),
      ...(pr?.base?.sha ? { base: pr.base.sha } : {}),
      ...(pr?.head?.sha ? { head: pr.head.sha } : {}),
    };
  } catch {
    return {};
  }
}

/** Runs the review from arguments and the Action's environment; returns the exit status. */
export async function main(
  argv: readonly string[],
  env: Env,
  cwd = process.cwd(),
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      out: { type: 'string' },
      pr: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const ev = event(env);
  const base = values.base ?? env['FLOPACK_BASE'] ?? ev.base;
  if (!base) {
    console.error('pr-review: no base commit — pass --base or run on a pull_request event');
    return 2;
  }
  const head = values.head ?? (env['FLOPACK_HEAD'] || ev.head) ?? null;
  const out = values.out ?? env['FLOPACK_OUT'] ?? null;
  const runUrl =
    env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
      ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}`
      : null;
  const name = env['FLOPACK_ARTIFACT'] ?? 'flopack-review';
  // The Action runs the script twice: `files` writes pictures and pages before the upload,
  // `comment` posts the comment linking the uploaded artifact; unset does both at once.
  const stage = env['FLOPACK_STAGE'] ?? 'all';
  if (stage !== 'all' && stage !== 'files' && stage !== 'comment') {
    console.error('pr-review: FLOPACK_STAGE must be files, comment or unset');
    return 2;
  }
  const artifactUrl = artifactAddress(env['FLOPACK_ARTIFACT_URL']);
  const artifact = `SVG and PNG pictures and an HTML page per file are in the workflow artifact “${name}”${artifactUrl ? ` ([download](${artifactUrl}))` : runUrl ? ` of [this run](${runUrl})` : ''}.`;
  const review = buildReview({
    cwd,
    base,
    head,
    out,
    artifact,
    write: stage !== 'comment',
    artifactUrl,
  });
  for (const f of review.files)
    console.log(
      `${f.label}: ${f.diff ? `${f.diff.summary.changes} change${f.diff.summary.changes === 1 ? '' : 's'}` : (f.problem ?? f.status)}`,
    );
  const outputs = env['GITHUB_OUTPUT'];
  const output = (key: string, value: string) => {
    if (outputs) appendFileSync(outputs, `${key}=${value}\n`);
  };
  output('files', String(review.files.length));
  output('pictures', review.pictures.length + review.pages.length ? 'true' : 'false');
  if (stage === 'files') return 0;
  if (values['dry-run'] || env['FLOPACK_COMMENT'] === 'false') {
    console.log(review.body);
    return 0;
  }
  const number = Number(values.pr ?? env['FLOPACK_PR'] ?? ev.number);
  const token = env['GITHUB_TOKEN'];
  const repo = env['GITHUB_REPOSITORY'];
  if (!Number.isInteger(number) || number <= 0 || !token || !repo) {
    console.error(
      'pr-review: need a pull request number, GITHUB_TOKEN and GITHUB_REPOSITORY to comment (or --dry-run)',
    );
    return 2;
  }
  const r = await upsertComment(
    { repo, number, token, ...(env['GITHUB_API_URL'] ? { api: env['GITHUB_API_URL'] } : {}) },
    review.body,
    { onlyUpdate: review.files.length === 0 },
  );
  if (r.action !== 'skipped') {
    output('comment-url', r.url);
    console.log(`comment ${r.action}: ${r.url}`);
  } else console.log('no flopack changed and no earlier comment: nothing posted');
  return 0;
}
