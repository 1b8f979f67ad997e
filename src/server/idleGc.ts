/**
 * Gives memory back after a burst. V8 keeps the heap it grew to for a big import or export
 * until something forces a full collection, and an idle server forces none; so once no
 * request has arrived for a while, this runs one full collection, which returns free pages.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Returns `touch()`, to call on every request; a collection follows `idleMs` of quiet. */
export function idleCollector(idleMs = 2000): { touch: () => void } {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  return {
    touch: () => {
      if (typeof gc !== 'function') return;
      busy = true;
      if (timer) return;
      const check = (): void => {
        if (busy) {
          busy = false;
          timer = setTimeout(check, idleMs);
          timer.unref();
          return;
        }
        timer = null;
        (gc as () => void)();
      };
      timer = setTimeout(check, idleMs);
      timer.unref();
    },
  };
}
