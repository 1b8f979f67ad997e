/** Value helpers of the simulator: paths into objects, comparisons, text. */

/** Reads a dotted path ("profile.name") out of a value. */
export function getPath(value: unknown, path: string | readonly string[]): unknown {
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
  let cur = value;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const obj = cur as Record<string, unknown>;
    cur = Object.prototype.hasOwnProperty.call(obj, p) ? obj[p] : undefined;
  }
  return cur;
}

/** How a value reads in text (Compose, messages): strings as they are, the rest as JSON. */
export function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && Object.keys(v).length === 0);

const loose = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  return asText(a) === asText(b);
};

/** Evaluates a Workflows comparison ("==", "!=", "has", "is empty", …). */
export function compare(left: unknown, operator: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return loose(left, right);
    case '===':
      return left === right;
    case '!=':
      return !loose(left, right);
    case '!==':
      return left !== right;
    case '>':
      return Number(left) > Number(right);
    case '<':
      return Number(left) < Number(right);
    case '>=':
      return Number(left) >= Number(right);
    case '<=':
      return Number(left) <= Number(right);
    case '%':
      return Number(right) !== 0 && Number(left) % Number(right) === 0;
    case 'in':
      return Array.isArray(right)
        ? right.some((x) => loose(x, left))
        : asText(right).includes(asText(left));
    case 'not in':
      return !compare(left, 'in', right);
    case 'has':
      return left !== null && typeof left === 'object' && asText(right) in left;
    case "doesn't have":
      return !compare(left, 'has', right);
    case 'is empty':
      return isEmpty(left);
    case 'is not empty':
      return !isEmpty(left);
    default:
      return false;
  }
}

/** A card failing during a simulated run (like an error in Okta's execution history). */
export class SimError extends Error {
  override name = 'SimError';
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
