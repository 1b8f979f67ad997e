/**
 * Mappings whose value cannot go into their input as is: an object into a Text input, a list
 * into a single value (or the reverse). Okta writes a conversion (`transform`) on such a pin;
 * without one the card receives the wrong kind of value.
 */
import type { CardId } from '../ids.ts';
import { mappingsOf } from '../mapping.ts';
import { forEachScope } from '../scope.ts';
import { typeProblem } from '../wireTypes.ts';
import type { Rule } from './rules.ts';
import type { Finding } from './types.ts';

/** The rule: every mapping without a conversion carries a value its input can take. */
export const mappingType: Rule = {
  id: 'mapping-type',
  title: 'Mapped values fit their inputs (no object into Text, no list into a single value)',
  check: (flow) => {
    const out: Finding[] = [];
    forEachScope(flow.data, (scope, path) => {
      const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
      for (const x of mappingsOf(scope)) {
        if (x.transform !== null) continue;
        const source = byId.get(x.from.card);
        const target = byId.get(x.to.card);
        const output = source?.node.model.outputs.data[x.from.output];
        const input = target?.node.model.inputs.data[x.to.input];
        if (!target || !output || !input) continue;
        const problem = typeProblem(output, input);
        if (!problem) continue;
        out.push({
          rule: 'mapping-type',
          severity: 'error',
          message: `“${target.node.data.name}”: ${problem}`,
          card: target.uuid as CardId,
          path,
        });
      }
    });
    return out;
  },
};
