/**
 * Storage behind one small interface, implemented by SQLite (embedded, one file) and by
 * PostgreSQL (shared by many instances). Every call is asynchronous and every unit of work
 * runs inside `transaction`, which is atomic and isolated on both.
 */
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { RawConfig, RawTable } from '../../model/raw.ts';
import type { Flow, Folder } from '../../model/workspace.ts';
import type { ChangeNotice, FlowHeader, Role, VersionHeader } from '../../contract/api.ts';
import type { FolderReviewRule, Review } from '../../model/review.ts';

export type { ChangeNotice, FlowHeader, FolderReviewRule, Review, Role, VersionHeader };

/** Characters of a flow's description its header carries (the longest a typed one may be). */
export const HEADER_DESCRIPTION_CHARS = 5000;

/** A flow as stored: the model's flow plus its revision (for optimistic concurrency). */
export interface StoredFlow extends Flow {
  revision: number;
  updatedAt: string;
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
  /**
   * Every flow's header, descriptions cut to `HEADER_DESCRIPTION_CHARS` (the flow itself has
   * it whole): the tree and every folder check read all headers, and an imported description
   * may be megabytes long.
   */
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
  deleteConfig(id: string): Promise<void>;
  /** Appends to the audit trail. */
  addAudit(entry: AuditInput): Promise<void>;
  /** Audit entries, newest first. */
  audit(filter: AuditFilter): Promise<AuditEntry[]>;
  session(id: string): Promise<SessionRecord | null>;
  putSession(session: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  members(): Promise<Member[]>;
  member(userId: string): Promise<Member | null>;
  putMember(member: Member): Promise<void>;
  /** The workspace's entity risk policy, or null before one is saved. */
  riskPolicy(): Promise<RiskPolicyRecord | null>;
  /** Inserts or replaces the workspace's entity risk policy. */
  putRiskPolicy(record: RiskPolicyRecord): Promise<void>;
  /** The reviews of a flow's versions, newest version first. */
  reviews(flowId: FlowId): Promise<Review[]>;
  /** The review of one version, or null when nobody asked for one. */
  review(flowId: FlowId, revision: number): Promise<Review | null>;
  /**
   * Writes a review if the stored one still has `expectedRowVersion` (0: none stored yet);
   * false when someone changed it meanwhile.
   */
  putReview(review: Review, expectedRowVersion: number): Promise<boolean>;
  /** Every folder's review rule (folders never given one have none). */
  folderReviewRules(): Promise<FolderReviewRule[]>;
  /** Inserts or replaces a folder's review rule. */
  putFolderReviewRule(rule: FolderReviewRule): Promise<void>;
  /** Queues a change notice, delivered to every instance's listeners only if the unit commits. */
  notify(notice: ChangeNotice): void;
}

/** The part of a unit of work that reads and writes the workspace's content. */
export type WorkspaceTx = Pick<
  StoreTx,
  | 'folders'
  | 'putFolder'
  | 'deleteFolders'
  | 'flowHeaders'
  | 'flow'
  | 'flows'
  | 'putFlow'
  | 'deleteFlows'
  | 'addVersion'
  | 'versions'
  | 'version'
  | 'tables'
  | 'putTable'
  | 'deleteTables'
  | 'configs'
  | 'putConfig'
  | 'deleteConfig'
>;

/** The part of a unit of work about people: audit trail, sessions and members. */
export type AccessTx = Pick<
  StoreTx,
  | 'addAudit'
  | 'audit'
  | 'session'
  | 'putSession'
  | 'deleteSession'
  | 'members'
  | 'member'
  | 'putMember'
>;

/** The part of a unit of work about governance: risk policy, reviews and review rules. */
export type ReviewTx = Pick<
  StoreTx,
  | 'riskPolicy'
  | 'putRiskPolicy'
  | 'reviews'
  | 'review'
  | 'putReview'
  | 'folderReviewRules'
  | 'putFolderReviewRule'
>;

/** A workspace store. */
export interface Store {
  /** Runs `fn` atomically: all of its writes land, or none. Calls are serialized. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Listens to committed change notices from every instance sharing this store. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void;
  /** Where the data lives, for the start-up message. */
  describe(): string;
  close(): Promise<void>;
}

/** A person who may use the workspace, and their role in it. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  addedAt: string;
}

/** The workspace's entity risk policy as stored: the policy document's JSON text. */
export interface RiskPolicyRecord {
  doc: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** A signed-in session; `id` is a hash of the cookie's secret, never the secret itself. */
export interface SessionRecord {
  id: string;
  userId: string;
  email: string;
  name: string;
  createdAt: string;
  expiresAt: string;
}

/** What an audit entry says; the store adds its sequence number. */
export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  instance: string;
}

/** One recorded change: who, when, what and from which instance. */
export interface AuditEntry extends AuditInput {
  seq: number;
}

/** Narrows the audit trail; text filters match substrings, case-insensitively. */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  instance?: string | undefined;
  /** Only entries at or after this ISO time. */
  since?: string | undefined;
  /** Only entries before this ISO time. */
  until?: string | undefined;
  /** Only entries with a smaller sequence number (paging backwards). */
  before?: number | undefined;
  limit: number;
}
