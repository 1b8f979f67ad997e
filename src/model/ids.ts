/** Branded identifiers, so a flow id cannot be passed where a card id is expected. */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A flow's UUID (key of `data.flos`). */
export type FlowId = Brand<string, 'FlowId'>;
/** A folder's UUID (key of `data.groups`). */
export type FolderId = Brand<string, 'FolderId'>;
/** A card's `uuid`, unique within its flow including inline flows. */
export type CardId = Brand<string, 'CardId'>;
/** An input or output field id, unique within its card. */
export type FieldId = Brand<string, 'FieldId'>;

/** Casts a string read from a flopack to a branded id. */
export const asFlowId = (s: string): FlowId => s as FlowId;
/** Casts a string read from a flopack to a branded id. */
export const asFolderId = (s: string): FolderId => s as FolderId;
/** Casts a string read from a flopack to a branded id. */
export const asCardId = (s: string): CardId => s as CardId;
/** Casts a string read from a flopack to a branded id. */
export const asFieldId = (s: string): FieldId => s as FieldId;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Where new ids come from; tests pass a seeded source for repeatable output. */
export interface IdSource {
  /** A short id like Okta's card, field and edge ids (9 characters of [A-Za-z0-9_-]). */
  short(): string;
  /** An RFC 4122 version 4 UUID, as Okta uses for flows and folders. */
  uuid(): string;
}

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

function uuidFromBytes(b: Uint8Array): string {
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function shortFromBytes(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += ALPHABET[x & 63];
  return s;
}

/** Cryptographically random ids. */
export const randomIds: IdSource = {
  short: () => shortFromBytes(randomBytes(9)),
  uuid: () => uuidFromBytes(randomBytes(16)),
};

/** A repeatable id source (mulberry32), for tests and golden files. */
export function seededIds(seed: number): IdSource {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, next);
  return { short: () => shortFromBytes(bytes(9)), uuid: () => uuidFromBytes(bytes(16)) };
}

/** Returns `make()` results until one is not in `taken`. */
export function freshId(taken: ReadonlySet<string>, make: () => string): string {
  for (;;) {
    const id = make();
    if (!taken.has(id)) return id;
  }
}
