/**
 * Storage behind one small interface. SQLite (embedded, one file) implements it today; a
 * shared PostgreSQL server can implement the same interface, which is why every call is
 * asynchronous and every unit of work runs inside `transaction`.
 */
import type { FlowKind } from '../../model/flows.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { RawConfig, RawTable } from '../../model/raw.ts';
import type { Flow, Folder } from '../../model/workspace.ts';

/** A flow as stored: the model's flow plus its revision (for optimistic concurrency). */
export interface StoredFlow extends Flow {
  revision: number;
  updatedAt: string;
}

/** A flow without its content, for lists. */
export interface FlowHeader {
  id: FlowId;
  name: string;
  description: string;
  folderId: FolderId | null;
  active: boolean;
  saveAllData: boolean;
  kind: FlowKind;
  cardCount: number;
  revision: number;
  updatedAt: string;
}

/** One saved version of a flow; immutable once written. */
export interface VersionHeader {
  flowId: FlowId;
  revision: number;
  createdAt: string;
  summary: string;
}

/** A version with the flow as it was. */
export interface Version extends VersionHeader {
  flow: Flow;
}

/** Reads and writes inside one transaction. */
export interface StoreTx {
  folders(): Promise<Folder[]>;
  putFolder(folder: Folder): Promise<void>;
  deleteFolders(ids: readonly FolderId[]): Promise<void>;
  flowHeaders(): Promise<FlowHeader[]>;
  flow(id: FlowId): Promise<StoredFlow | null>;
  flows(ids?: readonly FlowId[]): Promise<StoredFlow[]>;
  /** Inserts or replaces a flow (its revision is whatever the caller sets). */
  putFlow(flow: StoredFlow): Promise<void>;
  deleteFlows(ids: readonly FlowId[]): Promise<void>;
  addVersion(version: Version): Promise<void>;
  versions(flowId: FlowId): Promise<VersionHeader[]>;
  version(flowId: FlowId, revision: number): Promise<Version | null>;
  tables(): Promise<RawTable[]>;
  putTable(table: RawTable): Promise<void>;
  deleteTables(ids: readonly string[]): Promise<void>;
  configs(): Promise<RawConfig[]>;
  putConfig(config: RawConfig): Promise<void>;
}

/** A workspace store. */
export interface Store {
  /** Runs `fn` atomically: all of its writes land, or none. Calls are serialized. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Where the data lives, for the start-up message. */
  describe(): string;
  close(): void;
}
