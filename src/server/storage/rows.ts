/**
 * Rows read back into the model, shared by both stores. A row arrives as the driver gives it:
 * SQLite answers numbers and 0/1 for booleans, PostgreSQL may answer a BIGSERIAL as a string
 * and booleans as booleans, so every field is converted rather than cast.
 */
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { JsonObject, RawFloData, RawGroup } from '../../model/raw.ts';
import type { Flow, Folder } from '../../model/workspace.ts';
import type {
  AuditEntry,
  FlowHeader,
  FolderReviewRule,
  Member,
  Review,
  RiskPolicyRecord,
  Role,
  SessionRecord,
  StoredFlow,
  Version,
  VersionHeader,
} from './store.ts';

/** A row as a driver returns it, keyed by column name. */
export type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));
/** SQLite stores a boolean as 1, PostgreSQL as true. */
const bool = (v: unknown): boolean => v === true || v === 1;
/** Parses a JSON text column, or null when the column is empty. */
const jsonOrNull = <T>(v: unknown): T | null => (v ? (JSON.parse(str(v)) as T) : null);

/** A folders row as a folder. */
export const toFolder = (r: Row): Folder => ({
  id: str(r['id']) as FolderId,
  name: str(r['name']),
  description: str(r['description']),
  parentId: strOrNull(r['parent_id']) as FolderId | null,
  raw: jsonOrNull<RawGroup>(r['raw']),
});

/** A flows row (without its content) as the flow's header. */
export const toHeader = (r: Row): FlowHeader => ({
  id: str(r['id']) as FlowId,
  name: str(r['name']),
  description: str(r['description']),
  folderId: strOrNull(r['folder_id']) as FolderId | null,
  active: bool(r['active']),
  saveAllData: bool(r['save_all_data']),
  kind: str(r['kind']) as FlowHeader['kind'],
  cardCount: Number(r['card_count']),
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
});

/** A flows row as the stored flow. */
export const toFlow = (r: Row): StoredFlow => ({
  id: str(r['id']) as FlowId,
  name: str(r['name']),
  description: str(r['description']),
  folderId: strOrNull(r['folder_id']) as FolderId | null,
  active: bool(r['active']),
  data: JSON.parse(str(r['content'])) as RawFloData,
  rest: jsonOrNull<JsonObject>(r['rest']),
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
});

/** A versions row's header (without the snapshot). */
export const toVersionHeader = (r: Row): VersionHeader => ({
  flowId: str(r['flow_id']) as FlowId,
  revision: Number(r['revision']),
  createdAt: str(r['created_at']),
  summary: str(r['summary']),
  author: str(r['author']),
});

/** A versions row with the flow as it was. */
export const toVersion = (r: Row): Version => ({
  ...toVersionHeader(r),
  flow: JSON.parse(str(r['snapshot'])) as Flow,
});

/** An audit row as an entry. */
export const toAuditEntry = (r: Row): AuditEntry => ({
  seq: Number(r['seq']),
  at: str(r['at']),
  actor: str(r['actor']),
  action: str(r['action']),
  target: str(r['target']),
  detail: str(r['detail']),
  instance: str(r['instance']),
});

/** A sessions row as a session. */
export const toSession = (r: Row): SessionRecord => ({
  id: str(r['id']),
  userId: str(r['user_id']),
  email: str(r['email']),
  name: str(r['name']),
  createdAt: str(r['created_at']),
  expiresAt: str(r['expires_at']),
});

/** A members row as a member. */
export const toMember = (r: Row): Member => ({
  userId: str(r['user_id']),
  email: str(r['email']),
  name: str(r['name']),
  role: str(r['role']) as Role,
  addedAt: str(r['added_at']),
});

/** The risk_policy row as the stored policy. */
export const toRiskPolicy = (r: Row): RiskPolicyRecord => ({
  doc: str(r['doc']),
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
  updatedBy: str(r['updated_by']),
});

/** A reviews row as a review. */
export const toReview = (r: Row): Review => ({
  flowId: str(r['flow_id']),
  revision: Number(r['revision']),
  state: str(r['state']) as Review['state'],
  requestedBy: str(r['requested_by']),
  requestedAt: str(r['requested_at']),
  requestComment: str(r['request_comment']),
  decidedBy: str(r['decided_by']),
  decidedAt: strOrNull(r['decided_at']),
  decisionComment: str(r['decision_comment']),
  rowVersion: Number(r['row_version']),
});

/** A folder_review_rules row as a folder's rule. */
export const toFolderReviewRule = (r: Row): FolderReviewRule => ({
  folderId: str(r['folder_id']),
  requireApproval: bool(r['require_approval']),
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
  updatedBy: str(r['updated_by']),
});
