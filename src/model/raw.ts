/**
 * The flopack document as Okta writes it. These types name the fields the studio reads or
 * edits; every object also keeps the fields it does not know (index signatures), because
 * import → export must be lossless.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The whole file. Key order when written: type, version, created, flags, data, checksum. */
export interface RawFlopack {
  type: 'flopack';
  version: string;
  created: string;
  flags: JsonObject;
  data: RawPackData;
  checksum?: string;
  [extra: string]: unknown;
}

/** `data`: flows, connections, tables, folders (and `projectOverview` in newer exports). */
export interface RawPackData {
  flos: Record<string, RawFlo>;
  configs: Record<string, RawConfig>;
  tables: Record<string, RawTable>;
  groups: Record<string, RawGroup>;
  [extra: string]: unknown;
}

/** A folder (`data.groups` entry). */
export interface RawGroup {
  id: string;
  data: {
    name: string;
    description: string;
    media_uri?: string;
    path?: string;
    [extra: string]: unknown;
  };
  [extra: string]: unknown;
}

/** A connection placeholder; Okta never exports its secrets (`data` is null). */
export interface RawConfig {
  id: string;
  name: string;
  module: string;
  data: Json;
  [extra: string]: unknown;
}

/** A table definition (rows are never exported). */
export interface RawTable {
  id: string;
  name: string;
  description: string;
  data: { class: string; group_id: string; structure: Json[]; [extra: string]: unknown };
  [extra: string]: unknown;
}

/** A flow (`data.flos` entry). */
export interface RawFlo {
  id: string;
  name: string;
  description: string;
  data: RawFloData;
  [extra: string]: unknown;
}

/** What a flow and an inline flow share: cards and their sequence. */
export interface RawScope {
  methods: RawMethod[];
  orderings: Record<string, [string, string]>;
  [extra: string]: unknown;
}

/** `flo.data`: the flow's content and settings. */
export interface RawFloData extends RawScope {
  id: null;
  uuid: string;
  display: RawDisplay;
  tree: Json;
  model: Json;
  cron: Json;
  security_level: string | null;
  log: boolean;
  inheritLog: boolean;
  scheduled: boolean;
  group: string | null;
}

/** An inline (embedded, anonymous) flow stored in a card input or error policy. */
export interface RawInlineFlo extends RawScope {
  id: string;
  uuid: string;
}

/** `flo.data.display`: the console's list summary. */
export interface RawDisplay {
  preview?: { module: string; name: string; kernel: boolean }[];
  isCallable?: boolean;
  isPublishable?: boolean;
  eventConnecterName?: string;
  [extra: string]: unknown;
}

/** A card (`methods[]` entry). Exactly these seven keys in every real export. */
export interface RawMethod {
  joins: Record<string, { output: string; transform: Json }[]>;
  address: string;
  parents: JsonObject;
  uuid: string;
  branches: Record<string, boolean>;
  node: RawNode;
  pins: RawPins;
}

/** `pins[sourceOutputId][targetCardUuid]` lists the target inputs fed by that output. */
export type RawPins = Record<string, Record<string, RawPinTarget[]>>;

/** One mapping target; `transform` is an implicit conversion on the wire, or null. */
export interface RawPinTarget {
  input: string;
  transform: Json;
  [extra: string]: unknown;
}

/** `method.node`. */
export interface RawNode {
  key: string;
  data: { name: string; [extra: string]: unknown };
  model: RawModel;
  [extra: string]: unknown;
}

/** `method.node.model`. */
export interface RawModel {
  type: string;
  key: string;
  metadata: {
    id: number | null;
    name: string;
    description: string | null;
    [extra: string]: unknown;
  };
  config: string | null;
  policy: { error: RawErrorPolicy; [extra: string]: unknown };
  inputs: RawIO;
  outputs: RawIO;
  comments?: Json;
  [extra: string]: unknown;
}

/** `policy.error`: what happens when the card fails. */
export interface RawErrorPolicy {
  type: string;
  flo?: Json;
  [extra: string]: unknown;
}

/** An inputs or outputs block. */
export interface RawIO {
  extensible: boolean;
  rules?: Json;
  groupRules?: Json;
  data: Record<string, RawField>;
  [extra: string]: unknown;
}

/** An input or output field of a card. */
export interface RawField {
  id: string;
  group: string | null;
  key: string;
  value: RawValue;
  ref: boolean;
  metadata: RawFieldMeta;
  required?: boolean;
  flags?: string;
  _used?: boolean;
  [extra: string]: unknown;
}

/** `field.value`: the type and the literal (or default) value. */
export interface RawValue {
  type: Json;
  collection: boolean;
  data: Json;
  available?: Json;
  [extra: string]: unknown;
}

/** `field.metadata`: UI hints and structural links. */
export interface RawFieldMeta {
  index?: number;
  displayname?: string;
  description?: string;
  custom?: boolean;
  hidden?: boolean;
  choices?: Json;
  [extra: string]: unknown;
}
