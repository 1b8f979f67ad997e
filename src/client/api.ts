/** The browser's API client: typed fetchers and TanStack Query option factories. */
import { queryOptions } from '@tanstack/react-query';
import type { TemplateInfo } from '../model/templates.ts';
import type { RiskPolicy } from '../model/riskPolicy.ts';
import type { RawConfig } from '../model/raw.ts';
import type { FlowUse } from '../model/connections.ts';
import type { AuditFilterInput } from './audit.ts';
import { auditQuery } from './audit.ts';
import type { Role } from '../contract/roles.ts';
import type {
  ExportApprovalDto,
  ReviewDecision,
  ReviewDto,
  ReviewRulesDto,
} from '../contract/review.ts';
import type {
  AuditEntryDto,
  ErrorDto,
  FlowSave,
  FlowDto,
  FolderDto,
  ImportDto,
  ImportPlanDto,
  MeDto,
  MemberDto,
  RiskPolicyDto,
  TableDto,
  TreeDto,
  VersionDto,
  VersionHeader,
} from '../contract/api.ts';

/** An error answer from the API, with its code and any details (e.g. the current revision). */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: ErrorDto,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      // The server takes JSON only, so every call that changes something declares it.
      headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure(
      0,
      'NET_E001',
      'The studio server cannot be reached — is it still running?',
      {
        code: 'NET_E001',
        message: 'offline',
      },
    );
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json ?? {
      code: `HTTP_${res.status}`,
      message: text || res.statusText,
    }) as ErrorDto;
    throw new ApiFailure(res.status, err.code, err.message, err);
  }
  return json as T;
}

/** Fields of a flow save. */
export type { FlowSave };

/** The API, one function per route. */
export const api = {
  me: () => request<MeDto>('GET', '/api/me'),
  members: () => request<MemberDto[]>('GET', '/api/members'),
  setRole: (userId: string, role: Role) =>
    request<MemberDto>('PUT', `/api/members/${encodeURIComponent(userId)}`, { role }),
  audit: (filter: AuditFilterInput, page: { before?: number; limit?: number } = {}) => {
    const q = auditQuery(filter, page);
    return request<AuditEntryDto[]>('GET', q ? `/api/audit?${q}` : '/api/audit');
  },
  tree: () => request<TreeDto>('GET', '/api/workspace'),
  tables: () => request<TableDto[]>('GET', '/api/tables'),
  createFolder: (name: string, parentId: string | null) =>
    request<FolderDto>('POST', '/api/folders', { name, parentId }),
  updateFolder: (
    id: string,
    patch: { name?: string; parentId?: string | null; description?: string },
  ) => request<FolderDto>('PATCH', `/api/folders/${encodeURIComponent(id)}`, patch),
  deleteFolder: (id: string, recursive: boolean) =>
    request<{ folders: number; flows: number }>(
      'DELETE',
      `/api/folders/${encodeURIComponent(id)}?recursive=${recursive}`,
    ),
  createFlow: (folderId: string, name?: string) =>
    request<FlowDto>('POST', '/api/flows', name === undefined ? { folderId } : { folderId, name }),
  flow: (id: string) => request<FlowDto>('GET', `/api/flows/${encodeURIComponent(id)}`),
  saveFlow: (id: string, save: FlowSave) =>
    request<FlowDto>('PUT', `/api/flows/${encodeURIComponent(id)}`, save),
  setFlowActive: (id: string, active: boolean) =>
    request<FlowDto>('PUT', `/api/flows/${encodeURIComponent(id)}/active`, { active }),
  deleteFlow: (id: string) =>
    request<{ ok: true }>('DELETE', `/api/flows/${encodeURIComponent(id)}`),
  versions: (id: string) =>
    request<VersionHeader[]>('GET', `/api/flows/${encodeURIComponent(id)}/versions`),
  version: (id: string, rev: number) =>
    request<VersionDto>('GET', `/api/flows/${encodeURIComponent(id)}/versions/${rev}`),
  templates: () => request<TemplateInfo[]>('GET', '/api/templates'),
  fromTemplate: (id: string, folderId: string, opts: Record<string, string> = {}) =>
    request<ImportDto>(
      'POST',
      `/api/templates/${encodeURIComponent(id)}?${new URLSearchParams({ folder: folderId, ...opts }).toString()}`,
    ),
  riskPolicy: () => request<RiskPolicyDto>('GET', '/api/risk-policy'),
  connections: () => request<RawConfig[]>('GET', '/api/connections'),
  createConnection: (name: string, module: string) =>
    request<RawConfig>('POST', '/api/connections', { name, module }),
  renameConnection: (id: string, name: string) =>
    request<RawConfig>('PATCH', `/api/connections/${encodeURIComponent(id)}`, { name }),
  connectionUsage: () => request<Record<string, FlowUse[]>>('GET', '/api/connections/usage'),
  /** Deletes a connection; `detach` first removes it from the cards that use it (never implied). */
  deleteConnection: (id: string, detach = false) =>
    request<{ deleted: string; detached: string[] }>(
      'DELETE',
      `/api/connections/${encodeURIComponent(id)}${detach ? '?detach=true' : ''}`,
    ),
  saveRiskPolicy: (baseRevision: number, policy: RiskPolicy) =>
    request<RiskPolicyDto>('PUT', '/api/risk-policy', { baseRevision, policy }),
  reviews: (id: string) =>
    request<ReviewDto[]>('GET', `/api/flows/${encodeURIComponent(id)}/reviews`),
  requestReview: (id: string, rev: number, comment: string) =>
    request<ReviewDto>('POST', `/api/flows/${encodeURIComponent(id)}/versions/${rev}/review`, {
      comment,
    }),
  decideReview: (id: string, rev: number, decision: ReviewDecision, comment: string) =>
    request<ReviewDto>('POST', `/api/flows/${encodeURIComponent(id)}/versions/${rev}/decision`, {
      decision,
      comment,
    }),
  reviewRules: () => request<ReviewRulesDto>('GET', '/api/review-rules'),
  setReviewRule: (folderId: string, requireApproval: boolean, baseRevision: number) =>
    request<ReviewRulesDto>('PUT', `/api/folders/${encodeURIComponent(folderId)}/review-rule`, {
      requireApproval,
      baseRevision,
    }),
  restore: (id: string, rev: number, baseRevision: number) =>
    request<FlowDto>('POST', `/api/flows/${encodeURIComponent(id)}/versions/${rev}/restore`, {
      baseRevision,
    }),
};

/** What an export covers, for its import plan. */
export type PlanTarget =
  | { kind: 'flow'; id: string }
  | { kind: 'folder'; id: string; subfolders: boolean }
  | { kind: 'workspace' };

const planQuery = (t: PlanTarget): string =>
  t.kind === 'flow'
    ? `?flow=${encodeURIComponent(t.id)}`
    : t.kind === 'folder'
      ? `?folder=${encodeURIComponent(t.id)}&subfolders=${t.subfolders}`
      : '';

/** The import plan of an export: what importing the downloaded file would create. */
export const exportPlan = (t: PlanTarget): Promise<ImportPlanDto> =>
  request<ImportPlanDto>('GET', `/api/export/plan${planQuery(t)}`);

/** The flows a folder review rule holds back from an export. */
export const exportApproval = (t: PlanTarget): Promise<ExportApprovalDto> =>
  request<ExportApprovalDto>('GET', `/api/export/approval${planQuery(t)}`);

/** Download address of the saved risk policy, as `flopack terraform` reads it. */
export const riskPolicyFileUrl = '/api/risk-policy.json';

/** Export URLs (the browser downloads them). */
const formatParam = (canonical: boolean): string => (canonical ? 'format=canonical' : '');
const query = (...parts: string[]): string => {
  const q = parts.filter((p) => p !== '').join('&');
  return q === '' ? '/api/export' : `/api/export?${q}`;
};

/** Download addresses of exports; `canonical` asks for the `flopack fmt` form. */
export const exportUrl = {
  flow: (id: string, canonical = false) =>
    query(`flow=${encodeURIComponent(id)}`, formatParam(canonical)),
  folder: (id: string, subfolders: boolean, canonical = false) =>
    query(`folder=${encodeURIComponent(id)}`, `subfolders=${subfolders}`, formatParam(canonical)),
  workspace: (canonical = false) => query(formatParam(canonical)),
};

/** Download address of the audit trail as JSON Lines, filtered as on the audit page. */
export const auditExportUrl = (filter: AuditFilterInput): string => {
  const q = auditQuery(filter);
  return q ? `/api/audit.jsonl?${q}` : '/api/audit.jsonl';
};

/** Uploads a flopack with progress (fetch cannot report upload progress; XHR can). */
export function uploadFlopack(
  file: Blob,
  name: string,
  folderId: string | null,
  onProgress: (fraction: number) => void,
): Promise<ImportDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ name });
    if (folderId) params.set('folder', folderId);
    xhr.open('POST', `/api/import?${params.toString()}`);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiFailure(0, 'NET_E001', 'The upload failed: the server cannot be reached.', {
          code: 'NET_E001',
          message: '',
        }),
      );
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText) as unknown;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as ImportDto);
      else {
        const err = (json ?? { code: `HTTP_${xhr.status}`, message: xhr.statusText }) as ErrorDto;
        reject(new ApiFailure(xhr.status, err.code, err.message, err));
      }
    };
    xhr.send(file);
  });
}

/** Query option factories, next to their fetchers. */
export const queries = {
  me: () => queryOptions({ queryKey: ['me'], queryFn: api.me, staleTime: 60_000 }),
  tree: () => queryOptions({ queryKey: ['workspace'], queryFn: api.tree }),
  // Under the workspace key: whatever refreshes the tree (an import) refreshes the tables.
  tables: () => queryOptions({ queryKey: ['workspace', 'tables'], queryFn: api.tables }),
  members: () => queryOptions({ queryKey: ['members'], queryFn: api.members }),
  flow: (id: string) => queryOptions({ queryKey: ['flow', id], queryFn: () => api.flow(id) }),
  templates: () =>
    queryOptions({ queryKey: ['templates'], queryFn: api.templates, staleTime: Infinity }),
  versions: (id: string) =>
    queryOptions({ queryKey: ['versions', id], queryFn: () => api.versions(id) }),
  version: (id: string, rev: number) =>
    queryOptions({
      queryKey: ['version', id, rev],
      queryFn: () => api.version(id, rev),
      staleTime: Infinity,
    }),
  riskPolicy: () => queryOptions({ queryKey: ['riskPolicy'], queryFn: api.riskPolicy }),
  connections: () => queryOptions({ queryKey: ['connections'], queryFn: api.connections }),
  connectionUsage: () =>
    queryOptions({ queryKey: ['connections', 'usage'], queryFn: api.connectionUsage }),
  reviews: (id: string) =>
    queryOptions({ queryKey: ['reviews', id], queryFn: () => api.reviews(id) }),
  reviewRules: () => queryOptions({ queryKey: ['reviewRules'], queryFn: api.reviewRules }),
  exportApproval: (t: PlanTarget) =>
    queryOptions({
      queryKey: ['exportApproval', t],
      queryFn: () => exportApproval(t),
      staleTime: 0,
    }),
  exportPlan: (t: PlanTarget) =>
    queryOptions({ queryKey: ['exportPlan', t], queryFn: () => exportPlan(t), staleTime: 0 }),
};
