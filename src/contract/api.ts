/**
 * The API contract: request schemas (zod) and response types, imported by the server (which
 * validates with the schemas) and by the client (types only: `import type`, so no zod reaches
 * the browser bundle).
 */
import { z } from 'zod';
import type { FlowKind } from '../model/flows.ts';
import type { FlowId, FolderId } from '../model/ids.ts';
import type { ImportReport } from '../model/importPack.ts';
import type { ImportPlanReport } from '../export/plan/plan.ts';
import type { RawFloData } from '../model/raw.ts';
import type { PolicyFlow, PolicyWarning, RiskPolicy } from '../model/riskPolicy.ts';
import { riskPolicySchema } from './riskPolicy.ts';
import type { Role } from './roles.ts';

export type { Role };

// ---- requests ----

/** POST /api/folders */
export const createFolderBody = z.object({
  name: z.string(),
  parentId: z.string().nullable().default(null),
  description: z.string().max(5000).optional(),
});
/** PATCH /api/folders/:id */
export const patchFolderBody = z.object({
  name: z.string().optional(),
  description: z.string().max(5000).optional(),
  parentId: z.string().nullable().optional(),
});
/** POST /api/flows */
export const createFlowBody = z.object({
  folderId: z.string(),
  name: z.string().optional(),
  description: z.string().max(5000).optional(),
});
/** PUT /api/flows/:id — `baseRevision` is the revision the client started from. */
export const updateFlowBody = z.object({
  baseRevision: z.number().int().nonnegative(),
  name: z.string().optional(),
  description: z.string().max(5000).optional(),
  active: z.boolean().optional(),
  saveAllData: z.boolean().optional(),
  folderId: z.string().optional(),
  content: z.unknown().optional(),
});
/** PUT /api/flows/:id/active — turns a flow ON or OFF at once (no new version). */
export const flowActiveBody = z.object({ active: z.boolean() });
/** POST /api/flows/:id/versions/:rev/restore */
export const restoreBody = z.object({ baseRevision: z.number().int().nonnegative() });
/** PUT /api/members/:id */
export const memberRoleBody = z.object({ role: z.enum(['viewer', 'editor', 'admin']) });

/** PUT /api/risk-policy — `baseRevision` is the revision the client started from (0: none yet). */
export const putRiskPolicyBody = z.object({
  baseRevision: z.number().int().nonnegative(),
  policy: riskPolicySchema,
});

/** POST /api/connections */
export const createConnectionBody = z.object({
  name: z.string().max(1000),
  module: z.string().max(200),
});
/** PATCH /api/connections/:id */
export const renameConnectionBody = z.object({ name: z.string().max(1000) });

/** The body of a flow save. */
export type FlowSave = z.input<typeof updateFlowBody>;

// ---- responses ----

/** A folder in the tree. */
export interface FolderDto {
  id: string;
  name: string;
  description: string;
  parentId: string | null;
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

/** The workspace tree: folders and flow headers. */
export interface TreeDto {
  folders: FolderDto[];
  flows: FlowHeader[];
}

/** A workspace table: its id (what cards store), name and columns (the rows stay in Okta). */
export interface TableDto {
  id: string;
  name: string;
  columns: { name: string; type: string }[];
}

/** A flow with its content. */
export interface FlowDto {
  id: string;
  name: string;
  description: string;
  folderId: string | null;
  active: boolean;
  saveAllData: boolean;
  kind: FlowKind;
  revision: number;
  updatedAt: string;
  content: RawFloData;
}

/** One saved version of a flow; immutable once written. */
export interface VersionHeader {
  flowId: FlowId;
  revision: number;
  createdAt: string;
  summary: string;
  /** Who saved it ('' for versions written before sign-in existed). */
  author: string;
}

/** A saved version with the flow as it was. */
export interface VersionDto extends VersionHeader {
  flow: FlowDto;
}

/** The result of an import. */
export interface ImportDto {
  report: ImportReport;
  folderIds: string[];
  flowIds: string[];
}

/** GET /api/export/plan: the import plan of an export (the JSON of `flopack plan`). */
export type ImportPlanDto = ImportPlanReport;

/** GET /api/risk-policy: the workspace's risk policy and what its checks need of the flows. */
export interface RiskPolicyDto {
  policy: RiskPolicy;
  /** 0 before the policy is first saved. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string;
  /** Every flow of the workspace, as the policy checks see it. */
  flows: PolicyFlow[];
  /** The warnings of the saved policy (the studio recomputes them while editing). */
  warnings: PolicyWarning[];
}

/** Who is using the studio: local mode (no sign-in), signed in, or not yet signed in. */
export type MeDto =
  | { mode: 'local'; user: { name: string; email: string; role: Role } }
  | { mode: 'oidc'; user: { name: string; email: string; role: Role }; expiresAt: string }
  | { mode: 'oidc'; user: null; loginUrl: string };

/** A person who may use the workspace, and their role in it. */
export interface MemberDto {
  userId: string;
  email: string;
  name: string;
  role: Role;
  addedAt: string;
}

/** One recorded change: who, when, what and from which instance. */
export interface AuditEntryDto {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  instance: string;
}

/** Told to every open studio when something changes (Server-Sent Events on /api/events). */
export interface ChangeNotice {
  kind:
    | 'flow.saved'
    | 'flow.created'
    | 'flow.deleted'
    | 'folder.deleted'
    | 'import'
    | 'flow.reviewed'
    | 'review.rule';
  flowIds: string[];
  revision?: number | undefined;
  actor: string;
  instance: string;
  at: string;
}

/** Every error body. */
export interface ErrorDto {
  code: string;
  message: string;
  [detail: string]: unknown;
}
