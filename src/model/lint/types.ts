/** Lint findings: what a rule found, how serious, and where. */
import type { CardId } from '../ids.ts';
import type { HelperSignature } from '../helperCalls.ts';
import type { RawConfig } from '../raw.ts';
import type { ScopePath } from '../scope.ts';

/** How serious a finding is: an error stops the flow from working as intended. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding of a rule. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The card it is about, if any (with the scope it lives in). */
  card?: CardId;
  path?: ScopePath;
}

/** What the rules know about the other flows of the workspace. */
export interface FlowInfo {
  id: string;
  name: string;
  folderId: string | null;
  /** ON/OFF; null when unknown (a flopack does not carry it). */
  active: boolean | null;
  kind: string;
}

/** The context a flow is linted in. */
export interface LintContext {
  flows: readonly FlowInfo[];
  /** Depth of the flow's folder (1 = top level), when known. */
  folderDepth?: number;
  /** The signatures of the helper flows the flow calls, by flow id, when known. */
  helpers?: Readonly<Record<string, HelperSignature>>;
  /** The workspace's (or file's) connections by id, when known. */
  configs?: Readonly<Record<string, RawConfig>>;
}
