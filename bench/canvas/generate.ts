/** A large generated flow for the canvas benchmark: a Delegated Flow and `n` cards. */
import { catalog } from '../../src/catalog/index.ts';
import { createCard } from '../../src/model/catalog.ts';
import { unwrap } from '../../src/model/errors.ts';
import { newFlowData, setEvent } from '../../src/model/flows.ts';
import type { CardId, FlowId, FolderId } from '../../src/model/ids.ts';
import { seededIds } from '../../src/model/ids.ts';
import { insertCard } from '../../src/model/insert.ts';
import type { RawFloData } from '../../src/model/raw.ts';
import { allCardIds } from '../../src/model/scope.ts';
import type { IfElseStep } from '../../src/model/sequence.ts';
import { sequenceOf } from '../../src/model/sequence.ts';

const CARDS = [
  'root:channels:http:okta:readUser',
  'root:kernel:string:compose',
  'root:channels:http:slack:sendMessageToChannel2',
  'root:kernel:control:continueIf',
  'root:channels:http:okta:clearUserSessions',
  'root:kernel:object:pick',
];

/** Generates the flow; every 40th card is an If/Else with two cards in its True branch. */
export function generateFlow(n: number): RawFloData {
  const ids = seededIds(2026);
  let data = newFlowData(
    '00000000-0000-4000-8000-000000000001' as FlowId,
    null as FolderId | null,
    ids,
  );
  data = unwrap(
    setEvent(data, createCard(catalog, 'root:kernel:http:delegated', allCardIds(data), ids)),
  );
  const taken = allCardIds(data);
  let count = 1;
  while (count < n) {
    const kind =
      count % 40 === 0 ? 'root:kernel:control:if' : (CARDS[count % CARDS.length] ?? CARDS[0]!);
    const card = createCard(catalog, kind, taken, ids);
    taken.add(card.uuid);
    const r = unwrap(insertCard(data, { kind: 'end' }, card, { catalog, ids }));
    data = r.data;
    count++;
    if (kind === 'root:kernel:control:if' && count + 2 <= n) {
      const step = sequenceOf(data).steps.find((s) => s.id === r.card) as IfElseStep;
      let at: CardId = step.branches[0]?.head as CardId;
      for (let i = 0; i < 2; i++) {
        const inner = createCard(catalog, CARDS[i] ?? CARDS[0]!, taken, ids);
        taken.add(inner.uuid);
        const placed = unwrap(
          insertCard(
            data,
            i === 0 ? { kind: 'branchStart', head: at } : { kind: 'after', card: at },
            inner,
            { catalog, ids },
          ),
        );
        data = placed.data;
        at = placed.card;
        count++;
      }
    }
  }
  return data;
}
