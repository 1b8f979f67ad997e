/**
 * Tables by name: cards store a table's id; the canvas, the Inspector, the outline and Compare
 * show the table's name (and choose tables by name), never the id.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureFile } from '../tests/fixtures/flopacks.ts';
import { expect, test } from './fixtures.ts';
import { card, flowAction, openInspector, showOutline } from './studio.ts';

const TABLE = '1e2b023e-c1da-4c1a-bcbb-a1c4b70aff5b';

test('a Create Row card shows its table by name on the canvas, in the Inspector, the outline and Compare', async ({
  page,
  studio,
}) => {
  const file = fixtureFile('tables-connections');
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Flopack file (.flopack, .folder or .flow)').setInputFiles(file);
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('1 table(s)');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('list', { name: 'Flows in Audit' }).getByText('Audit at-risk users').click();
  await expect(page.getByRole('heading', { name: 'Audit at-risk users' })).toBeVisible();

  // The canvas: the card's Table row is a select showing the table's name.
  const onCard = card(page, /^Tables – Create Row/).getByRole('combobox', {
    name: 'Table of Create Row',
  });
  await expect(onCard).toHaveValue(TABLE);
  await expect(onCard.locator('option:checked')).toHaveText('At-risk users');
  await expect(page.getByText(TABLE)).toHaveCount(0);

  // The outline.
  const outline = await showOutline(page);
  await expect(outline).toContainText('Table: At-risk users');
  await expect(outline).not.toContainText(TABLE);

  // The Inspector.
  await card(page, /^Tables – Create Row/).click();
  const panel = await openInspector(page);
  const inPanel = panel.getByLabel('Table', { exact: true });
  await expect(inPanel.locator('option:checked')).toHaveText('At-risk users');
  await page.getByRole('button', { name: 'Close the panel' }).click();

  // Compare with a file whose card used another table: both read by name.
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    data: { tables: Record<string, { id: string; name: string }> };
  };
  const OLD = '0c9d2e51-7a53-4d0b-9f0e-5c1d1b2a3f40';
  const old = doc.data.tables[TABLE];
  if (!old) throw new Error('the fixture has no table');
  doc.data.tables = { [OLD]: { ...old, id: OLD, name: 'Old audit' } };
  const oldFile = path.join(await mkdtemp(path.join(tmpdir(), 'tables-')), 'old.flopack');
  await writeFile(oldFile, JSON.stringify(doc).replaceAll(TABLE, OLD));
  await flowAction(page, 'Compare');
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await dialog.getByLabel('…or a flopack file').setInputFiles(oldFile);
  const changes = dialog.getByRole('region', { name: 'Changes' });
  await expect(changes).toContainText('Old audit');
  await expect(changes).toContainText('At-risk users');
  await expect(dialog).not.toContainText(TABLE);
  await expect(dialog).not.toContainText(OLD);
});
