/** SQLite answers synchronously; callers program against the asynchronous store interface. */

/** The synchronous twin of an async interface (SQLite answers immediately). */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** Wraps synchronous methods as the asynchronous interface callers program against. */
export function asAsync<T extends object>(sync: Sync<T>): T {
  const out: Record<string, unknown> = {};
  const methods = Object.entries<(...a: unknown[]) => unknown>(
    sync as Record<string, (...a: unknown[]) => unknown>,
  );
  for (const [name, fn] of methods) {
    out[name] = (...args: unknown[]): Promise<unknown> => {
      try {
        return Promise.resolve(fn(...args));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  }
  return out as T;
}
