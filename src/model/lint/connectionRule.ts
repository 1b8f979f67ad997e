/**
 * App cards and their connections: a card without one cannot run once imported (a warning —
 * Okta's own exports leave many unset, and the admin picks one in the org), and a card whose
 * `config` names no connection of the pack, or one of another app, is broken (an error).
 */
import { appLabel } from '../../catalog/labels.ts';
import { connectionApp } from '../connections.ts';
import type { CardId } from '../ids.ts';
import { forEachScope } from '../scope.ts';
import type { Rule } from './rules.ts';
import type { Finding } from './types.ts';

/** The rule: every app card points at a connection of its own app. */
export const connectionRule: Rule = {
  id: 'connection',
  title: 'App cards have a connection of their own app',
  check: (flow, ctx) => {
    const out: Finding[] = [];
    forEachScope(flow.data, (scope, path) => {
      for (const m of scope.methods) {
        const app = connectionApp(m);
        if (app === null) continue;
        const name = m.node.data.name;
        const at = { card: m.uuid as CardId, path };
        const config = m.node.model.config;
        if (config === null || config === undefined) {
          out.push({
            rule: 'connection',
            severity: 'warning',
            message: `“${name}” has no connection — choose one.`,
            ...at,
          });
          continue;
        }
        if (ctx.configs === undefined) continue;
        const c = ctx.configs[config];
        if (!c)
          out.push({
            rule: 'connection',
            severity: 'error',
            message: `“${name}” uses a connection (${config}) that does not exist — choose one of the ${appLabel(app)} connections.`,
            ...at,
          });
        else if (c.module !== app)
          out.push({
            rule: 'connection',
            severity: 'error',
            message: `“${name}” uses “${c.name}”, a ${appLabel(c.module)} connection — choose one of the ${appLabel(app)} connections.`,
            ...at,
          });
      }
    });
    return out;
  },
};
