/** The JSON shapes the API sends; the client imports these types (types only). */
import type { FlowKind } from '../model/flows.ts';
import type { ImportReport } from '../model/importPack.ts';
import type { RawFloData } from '../model/raw.ts';
import type { FlowHeader, VersionHeader } from './storage/store.ts';

/** A folder in the tree. */
export interface FolderDto {
  id: string;
  name: string;
  description: string;
  parentId: string | null;
}

/** The workspace tree: folders and flow headers. */
export interface TreeDto {
  folders: FolderDto[];
  flows: FlowHeader[];
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

/** Every error body. */
export interface ErrorDto {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export type { FlowHeader, VersionHeader };
