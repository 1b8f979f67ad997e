/** Compose edits as Okta's console does: named field pills in the text, never raw tokens. */
import { expect, test } from './fixtures.ts';
import { card, fromTemplate, newFolder, openInspector } from './studio.ts';
import { exportedText, saveFlow } from './flowFile.ts';

interface Field {
  id: string;
  key: string;
  value: { data: unknown };
  [k: string]: unknown;
}
interface Method {
  uuid: string;
  node: { key: string; data: { name: string }; model: { inputs: { data: Record<string, Field> } } };
  pins: Record<string, Record<string, { input: string }[]>>;
}

test('Compose: a field inserted at the cursor as a named pill, pills removed, exported as Okta writes it', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Slack notification', { 'Slack channel': 'C0SOC' });
  await expect(page.getByRole('heading', { name: 'Risk Policy - Low (Notify)' })).toBeVisible();
  await card(page, /^Text – Compose/).focus();
  const panel = await openInspector(page);
  const text = panel.getByRole('textbox', { name: 'Text' });
  await expect(text).toContainText('Entity risk rose for Read User › First name');
  await expect(page.locator('body')).not.toContainText('{{{');

  // The cursor after "Entity risk " (Control+Home, then 12 characters to the right).
  await text.click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'Entity risk '.length; i++) await page.keyboard.press('ArrowRight');
  await panel.getByLabel('Insert field from').selectOption({ label: 'Primary email' });
  await expect(text).toContainText('Entity risk Read User › Primary emailrose for');
  await expect(
    text.getByRole('button', { name: 'Field Read User › Primary email, remove' }),
  ).toBeVisible();
  await expect(card(page, /^Text – Compose/)).toContainText(
    'Entity risk {Read User › Primary email}rose for',
  );

  // Remove a pill by its ×: its field goes too.
  const fields = panel.getByRole('list', { name: 'Fields' });
  await expect(fields.getByRole('listitem')).toHaveCount(6);
  await text.getByRole('button', { name: 'Field Read User › Last name, remove' }).click();
  await expect(fields.getByRole('listitem')).toHaveCount(5);
  await expect(fields.getByText('Read User › Last name', { exact: true })).toHaveCount(0);
  await expect(text).not.toContainText('Last name');

  // Backspace right after a pill removes it (the text ends "{Status Changed}.").
  await text.click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(fields.getByRole('listitem')).toHaveCount(4);
  await expect(text).not.toContainText('Status Changed');
  await expect(text).toContainText('last changed .');
  await expect(card(page, /^Text – Compose/)).not.toContainText('Status Changed');
  await expect(page.locator('body')).not.toContainText('{{{');

  // Undo brings the removed pill and its field back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(fields.getByRole('listitem')).toHaveCount(5);
  await expect(text).toContainText('Read User › Status Changed.');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(fields.getByRole('listitem')).toHaveCount(4);

  await saveFlow(page);
  const pack = JSON.parse(await exportedText(page)) as {
    data: { flos: Record<string, { data: { methods: Method[] } }> };
  };
  const methods = Object.values(pack.data.flos)[0]!.data.methods;
  const compose = methods.find((m) => m.node.key === 'compose')!;
  const inputs = Object.values(compose.node.model.inputs.data);
  const template = inputs.find((f) => f.key === '_text_')!.value.data as string;
  const fieldsOut = inputs.filter((f) => f.key !== '_text_');
  expect(fieldsOut).toHaveLength(4);
  // Okta's storage: `{{{key}}}` tokens, one string input per key, no name stored.
  expect(template).toMatch(
    /^Entity risk \{\{\{[\w-]+\}\}\}rose for \{\{\{[\w-]+\}\}\} {2}\(\{\{\{[\w-]+\}\}\}\)\. Okta status: \{\{\{[\w-]+\}\}\}, last changed \.$/,
  );
  expect([...template.matchAll(/\{\{\{([\w-]+)\}\}\}/g)].map((x) => x[1]).sort()).toEqual(
    fieldsOut.map((f) => f.key).sort(),
  );
  for (const f of fieldsOut)
    expect(Object.keys(f).sort()).toEqual(
      ['flags', 'group', 'id', 'key', 'metadata', 'ref', 'required', 'value'].sort(),
    );
  const read = methods.find((m) => m.node.data.name === 'Read User')!;
  const intoCompose = Object.values(read.pins).flatMap((t) => t[compose.uuid] ?? []);
  expect(intoCompose.map((p) => p.input).sort()).toEqual(fieldsOut.map((f) => f.id).sort());
});
