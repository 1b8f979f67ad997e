/**
 * The set-up the helper-flow tests share: a folder and flows saved through the studio's API
 * (built with the model's own operations, so the test starts where a user would have got by
 * hand), a helper with a group-record input, and choosing that helper on a list card.
 */
import type { APIRequestContext, Locator } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { addEventInput, setEventInputKeys } from '../src/model/eventInputs.ts';
import { setEvent } from '../src/model/flows.ts';
import type { CardId } from '../src/model/ids.ts';
import { insertCard } from '../src/model/insert.ts';
import type { Json, RawFloData } from '../src/model/raw.ts';
import { allCardIds } from '../src/model/scope.ts';
import type { FlowDto, FolderDto } from '../src/server/dto.ts';
import { expect } from './fixtures.ts';

/** Card addresses the helper tests build with. */
export const HELPER_FLOW = 'root:kernel:control:callable';
export const DELEGATED_FLOW = 'root:kernel:http:delegated';

/** A folder at the top level of a studio's workspace, created through its API. */
export async function createFolder(
  api: APIRequestContext,
  url: string,
  name: string,
): Promise<FolderDto> {
  const res = await api.post(`${url}/api/folders`, { data: { name, parentId: null } });
  return (await res.json()) as FolderDto;
}

/** A new flow in `folderId` whose content `build` makes from the empty flow, saved once. */
export async function putFlow(
  api: APIRequestContext,
  url: string,
  folderId: string,
  name: string,
  build: (d: RawFloData) => RawFloData,
): Promise<FlowDto> {
  const flow = (await (
    await api.post(`${url}/api/flows`, { data: { folderId, name } })
  ).json()) as FlowDto;
  const res = await api.put(`${url}/api/flows/${flow.id}`, {
    data: { baseRevision: flow.revision, content: build(flow.content) },
  });
  return (await res.json()) as FlowDto;
}

/** The flow with its event card set (e.g. `DELEGATED_FLOW`). */
export const withEvent = (data: RawFloData, address: string): RawFloData =>
  unwrap(setEvent(data, createCard(catalog, address, allCardIds(data))));

/** A helper input: its name, its type and, for an Object, the keys it declares. */
export interface HelperInput {
  name: string;
  type: Json;
  keys?: readonly string[];
}

/** A Helper Flow event taking `inputs`, in their order (e.g. a group record and a user ID). */
export function helperFlow(data: RawFloData, inputs: readonly HelperInput[]): RawFloData {
  let out = withEvent(data, HELPER_FLOW);
  for (const i of inputs) {
    out = unwrap(addEventInput(out, { name: i.name, type: i.type })).data;
    if (i.keys) out = unwrap(setEventInputKeys(out, i.name, i.keys));
  }
  return out;
}

/** The flow with a new card of `address` at its end, and that card's id. */
export function appendCard(data: RawFloData, address: string): { data: RawFloData; card: CardId } {
  const r = unwrap(
    insertCard(data, { kind: 'end' }, createCard(catalog, address, allCardIds(data)), {
      catalog,
    }),
  );
  return { data: r.data, card: r.card };
}

/**
 * Chooses the helper a list card (For Each…) calls, in the Inspector showing that card, and
 * expects the current item to go to `itemInput` (the input that can take a group record).
 */
export async function chooseHelper(
  panel: Locator,
  helper: string,
  itemInput: string,
): Promise<void> {
  await panel.getByLabel('Helper Flow', { exact: true }).selectOption({ label: helper });
  await expect(panel.getByLabel('Current item goes to')).toHaveValue(itemInput);
  await expect(panel.getByText('← current item')).toBeVisible();
}
