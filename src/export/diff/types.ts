/**
 * The changes between two flopacks, as data with a stable JSON shape (`flopack diff --format
 * json`). Names are the ones a reviewer sees; ids are kept so tools can point at cards.
 */

/** A flow, by its id and name (new side when it exists there). */
export interface FlowRef {
  id: string;
  name: string;
}

/** A card, by its uuid (new side when it exists there), title and app or category. */
export interface CardRef {
  id: string;
  title: string;
  app: string;
  note: boolean;
}

/** Where a card sits: after which card (by title), in which lane (null: the main sequence). */
export interface Place {
  after: string | null;
  lane: string | null;
}

/** Flow settings the diff compares. */
export type FlowSetting = 'description' | 'saveAllData' | 'securityLevel' | 'schedule' | 'folder';

/** Card properties other than inputs and mappings. */
export type CardSetting = 'version' | 'note' | 'connection' | 'errorHandling' | 'helperFlow';

/** A mapping, named as "'Read User' · ID → 'Deactivate User' · id". */
export interface MappingRef {
  fromCard: string;
  output: string;
  toCard: string;
  input: string;
}

/** One change. */
export type Change =
  | { kind: 'flowAdded'; flow: FlowRef; flowKind: string; cards: number }
  | { kind: 'flowRemoved'; flow: FlowRef; flowKind: string; cards: number }
  | { kind: 'flowRenamed'; flow: FlowRef; from: string; to: string }
  | { kind: 'flowSetting'; flow: FlowRef; setting: FlowSetting; from: string; to: string }
  | { kind: 'cardAdded'; flow: FlowRef; card: CardRef; place: Place; inner: number }
  | { kind: 'cardRemoved'; flow: FlowRef; card: CardRef; place: Place; inner: number }
  | { kind: 'cardMoved'; flow: FlowRef; card: CardRef; from: Place; to: Place }
  | { kind: 'cardRenamed'; flow: FlowRef; card: CardRef; from: string; to: string }
  | {
      kind: 'cardSetting';
      flow: FlowRef;
      card: CardRef;
      setting: CardSetting;
      from: string;
      to: string;
    }
  | {
      kind: 'inputChanged';
      flow: FlowRef;
      card: CardRef;
      input: string;
      from: string | null;
      to: string | null;
    }
  | { kind: 'mappingAdded'; flow: FlowRef; card: CardRef; mapping: MappingRef }
  | { kind: 'mappingRemoved'; flow: FlowRef; card: CardRef; mapping: MappingRef };

/** What happened to a flow as a whole. */
export type FlowStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The changes of one flow. */
export interface FlowDiff {
  flow: FlowRef;
  status: FlowStatus;
  oldId: string | null;
  newId: string | null;
  changes: Change[];
}

/** The changes between two flopacks. */
export interface PackDiff {
  format: 'flopack-diff';
  version: 1;
  identical: boolean;
  summary: {
    flowsAdded: number;
    flowsRemoved: number;
    flowsChanged: number;
    flowsUnchanged: number;
    changes: number;
  };
  flows: FlowDiff[];
}
