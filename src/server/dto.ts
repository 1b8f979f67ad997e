/** The JSON shapes the API sends: defined once in the shared API contract. */
export type {
  AuditEntryDto,
  ErrorDto,
  FlowDto,
  FlowHeader,
  FolderDto,
  ImportDto,
  MeDto,
  MemberDto,
  TableDto,
  TreeDto,
  VersionDto,
  VersionHeader,
} from '../contract/api.ts';
