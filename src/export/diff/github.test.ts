import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from './comment.ts';
import { upsertComment } from './github.ts';

interface Call {
  method: string;
  url: string;
  body: unknown;
  auth: string | undefined;
}

/** A fake GitHub: `pages` of existing comments; records every request. */
function fakeGitHub(pages: { id: number; body: string }[][], status = 200) {
  const calls: Call[] = [];
  const fetchFn = (url: string, init: RequestInit): Promise<Response> => {
    const headers = init.headers as Record<string, string>;
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method: init.method ?? 'GET', url, body, auth: headers['Authorization'] });
    if (status !== 200)
      return Promise.resolve(new Response('Resource not accessible by integration', { status }));
    const page = Number(new URL(url).searchParams.get('page') ?? '1');
    const json =
      init.method === 'GET'
        ? (pages[page - 1] ?? []).map((c) => ({ ...c, html_url: `https://github.com/c/${c.id}` }))
        : { id: 99, html_url: 'https://github.com/c/99' };
    return Promise.resolve(new Response(JSON.stringify(json), { status: 200 }));
  };
  return { calls, fetchFn };
}

const pr = { repo: 'acme/flows', number: 7, token: 't0k' };
const many = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, body: 'looks good' }));

describe('posting the review comment', () => {
  it('creates the comment when the pull request has none', async () => {
    const gh = fakeGitHub([many(2, 1)]);
    const r = await upsertComment(pr, `${COMMENT_MARKER}\nhi`, { fetchFn: gh.fetchFn });
    expect(r).toEqual({ action: 'created', id: 99, url: 'https://github.com/c/99' });
    expect(gh.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', 'https://api.github.com/repos/acme/flows/issues/7/comments?per_page=100&page=1'],
      ['POST', 'https://api.github.com/repos/acme/flows/issues/7/comments'],
    ]);
    expect(gh.calls[1]).toMatchObject({
      body: { body: `${COMMENT_MARKER}\nhi` },
      auth: 'Bearer t0k',
    });
  });

  it('updates its earlier comment, found by the marker on a later page', async () => {
    const gh = fakeGitHub([many(100, 1), [{ id: 512, body: `${COMMENT_MARKER}\nold` }]]);
    const r = await upsertComment(pr, 'new', { fetchFn: gh.fetchFn });
    expect(r.action).toBe('updated');
    expect(gh.calls.map((c) => [c.method, c.url.replace('https://api.github.com', '')])).toEqual([
      ['GET', '/repos/acme/flows/issues/7/comments?per_page=100&page=1'],
      ['GET', '/repos/acme/flows/issues/7/comments?per_page=100&page=2'],
      ['PATCH', '/repos/acme/flows/issues/comments/512'],
    ]);
  });

  it('posts nothing new when only an update was wanted', async () => {
    const gh = fakeGitHub([many(3, 1)]);
    expect(await upsertComment(pr, 'x', { onlyUpdate: true, fetchFn: gh.fetchFn })).toEqual({
      action: 'skipped',
    });
    expect(gh.calls).toHaveLength(1);
  });

  it('explains a refused request with a code and the permission to grant', async () => {
    const gh = fakeGitHub([], 403);
    await expect(upsertComment(pr, 'x', { fetchFn: gh.fetchFn })).rejects.toThrow(
      /^REVIEW_E001: GitHub answered 403 to GET .* — give the workflow "permissions: pull-requests: write"/,
    );
  });
});
