/**
 * Creates or updates the one review comment on a pull request through GitHub's REST API
 * (plain fetch, no client library). The comment is found by its hidden marker.
 *
 * | code | meaning |
 * |---|---|
 * | REVIEW_E001 | GitHub refused a request (status and message included) |
 */
import { COMMENT_MARKER } from './comment.ts';

/** Where to comment. `api` defaults to https://api.github.com (GitHub Enterprise differs). */
export interface PullRequest {
  repo: string;
  number: number;
  token: string;
  api?: string;
}

/** What was done with the comment. */
export type Upsert =
  { action: 'created' | 'updated'; id: number; url: string } | { action: 'skipped' };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
}

/** A failed GitHub request, with a code and a fix. */
export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(
  fetchFn: Fetch,
  pr: PullRequest,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetchFn(url, {
    method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${pr.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'flopack-studio-review',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    const hint =
      res.status === 403 || res.status === 404
        ? ' — give the workflow "permissions: pull-requests: write" (fork pull requests get a read-only token)'
        : '';
    throw new GitHubError(
      res.status,
      `REVIEW_E001: GitHub answered ${res.status} to ${method} ${url}: ${text.slice(0, 300)}${hint}`,
    );
  }
  return (await res.json()) as T;
}

/**
 * Posts `body` as the review comment, updating the earlier one if there is one. With
 * `onlyUpdate`, nothing is posted when no earlier comment exists (e.g. "no flopack changed").
 */
export async function upsertComment(
  pr: PullRequest,
  body: string,
  opts: { onlyUpdate?: boolean; fetchFn?: Fetch } = {},
): Promise<Upsert> {
  const fetchFn = opts.fetchFn ?? ((url, init) => fetch(url, init));
  const api = (pr.api ?? 'https://api.github.com').replace(/\/+$/, '');
  const base = `${api}/repos/${pr.repo}/issues`;
  let existing: IssueComment | undefined;
  for (let page = 1; !existing; page++) {
    const list = await call<IssueComment[]>(
      fetchFn,
      pr,
      'GET',
      `${base}/${pr.number}/comments?per_page=100&page=${page}`,
    );
    existing = list.find((c) => c.body?.includes(COMMENT_MARKER));
    if (list.length < 100) break;
  }
  if (existing) {
    const c = await call<IssueComment>(fetchFn, pr, 'PATCH', `${base}/comments/${existing.id}`, {
      body,
    });
    return { action: 'updated', id: c.id, url: c.html_url };
  }
  if (opts.onlyUpdate) return { action: 'skipped' };
  const c = await call<IssueComment>(fetchFn, pr, 'POST', `${base}/${pr.number}/comments`, {
    body,
  });
  return { action: 'created', id: c.id, url: c.html_url };
}
