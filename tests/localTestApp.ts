/**
 * Test support: a local-mode app on a fresh SQLite file for each test, called as JSON. Call
 * `localTestApp()` at the top of a test file; it opens the app before each test and closes
 * it after.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../src/server/app.ts';
import type { FolderDto } from '../src/server/dto.ts';
import { openSqliteStore } from '../src/server/storage/sqlite.ts';
import type { Store } from '../src/server/storage/store.ts';

/** An answer: its status, body as JSON (null when it is not JSON), text and headers. */
export interface Answer<T> {
  status: number;
  json: T;
  text: string;
  headers: Headers;
}

/** Reads a response whole: a body that is not JSON gives `json: null`. */
export async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json: json as T, text, headers: res.headers };
}

/** The app of the running test. */
export interface LocalTestApp {
  readonly store: Store;
  readonly app: Hono;
  /** Calls the API; `raw` is sent as the body as it is, else `body` as JSON. */
  call: <T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    raw?: string,
  ) => Promise<Answer<T>>;
  /** Creates a folder at the top level or in a parent. */
  folder: (name: string, parentId?: string | null) => Promise<FolderDto>;
  /** Closes the store and opens the app again on the same file. */
  reopen: () => Promise<void>;
}

/** Opens a fresh app before each test of the calling file, and closes it after. */
export function localTestApp(): LocalTestApp {
  let file = '';
  let store: Store | undefined;
  let app: Hono | undefined;
  const open = (): void => {
    store = openSqliteStore(file);
    app = createApp({ store });
  };
  beforeEach(() => {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-api-')), 'studio.sqlite');
    open();
  });
  afterEach(() => store?.close());

  const running = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('localTestApp: no test is running');
    return v;
  };
  const call = async <T>(
    method: string,
    url: string,
    body?: unknown,
    raw?: string,
  ): Promise<Answer<T>> => {
    const init: RequestInit = { method };
    if (method !== 'GET') init.headers = { 'content-type': 'application/json' };
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) init.body = JSON.stringify(body);
    return answer<T>(await running(app).request(url, init));
  };
  return {
    get store() {
      return running(store);
    },
    get app() {
      return running(app);
    },
    call,
    folder: async (name, parentId = null) =>
      (await call<FolderDto>('POST', '/api/folders', { name, parentId })).json,
    reopen: async () => {
      await running(store).close();
      open();
    },
  };
}
