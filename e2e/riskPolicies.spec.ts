import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { fromTemplate, newFolder } from './studio.ts';

const CLEAR = 'Risk Policy - Medium (Clear sessions)';
const QUARANTINE = 'Risk Policy - High (Quarantine)';
const HELPER = 'Remove user from group';

test('risk policy rules are created, warned about, saved and exported for flopack terraform', async ({
  page,
  studio,
}, testInfo) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Clear sessions and email admins', {
    'Admins to email': 'security@example.com',
  });
  await expect(page.getByRole('heading', { name: CLEAR })).toBeVisible();
  await page.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await fromTemplate(page, 'Quarantine and deactivate', { 'At-risk group': '00g5atriskusers' });
  await expect(page.getByRole('heading', { name: QUARANTINE })).toBeVisible();

  await page.getByRole('button', { name: 'Risk policies' }).click();
  const view = page.getByRole('dialog', { name: 'Risk policies' });
  await expect(view.getByText('No rules yet.')).toBeVisible();
  await view.getByLabel('Entity risk policy id').fill('rst0entityrisk');
  const rules = view.getByRole('list', { name: 'Rules' });
  const rule = (n: number) => rules.getByRole('group', { name: `Rule ${n}` });

  // A rule whose flow is OFF (new rules run the first delegated flow: the quarantine).
  await view.getByRole('button', { name: 'Add rule' }).click();
  await rule(1).getByLabel('Name').fill('High risk');
  await expect(rule(1).getByLabel('Delegated flow it runs')).toHaveValue(/.+/);
  await expect(view.getByRole('list', { name: 'Policy warnings' })).toHaveText(
    `Rule “High risk” runs “${QUARANTINE}”, which is OFF — turn it ON or the rule does nothing.`,
  );

  // A rule that terminates sessions while its flow clears them too.
  await view.getByRole('button', { name: 'Add rule' }).click();
  await rule(2).getByLabel('Name').fill('Medium risk');
  await rule(2).getByLabel('Risk level').selectOption({ label: 'Medium' });
  await rule(2)
    .getByLabel('Delegated flow it runs')
    .selectOption({ label: `${CLEAR} (delegated flow, ON)` });
  await rule(2).getByLabel('Also terminate all sessions').check();

  // A rule that runs a helper flow, which a risk policy cannot run.
  await view.getByRole('button', { name: 'Add rule' }).click();
  await rule(3).getByLabel('Name').fill('Any risk');
  await rule(3).getByLabel('Risk level').selectOption({ label: 'Any' });
  await rule(3)
    .getByLabel('Delegated flow it runs')
    .selectOption({ label: `${HELPER} (helper flow, OFF)` });

  await expect(
    view.getByRole('list', { name: 'Policy warnings' }).getByRole('listitem'),
  ).toHaveText([
    `Rule “High risk” runs “${QUARANTINE}”, which is OFF — turn it ON or the rule does nothing.`,
    `Rule “Medium risk” terminates all sessions and its flow “${CLEAR}” also clears them — keep one of the two.`,
    `Rule “Any risk” runs “${HELPER}”, which is not a delegated flow — a risk policy can run only delegated flows.`,
    `Rule “Any risk” runs “${HELPER}”, which is OFF — turn it ON or the rule does nothing.`,
  ]);

  await view.getByRole('button', { name: 'Save policy' }).click();
  await expect(view.getByRole('status')).toHaveText('Saved (revision 1)');
  await page.reload();
  await page.getByRole('button', { name: 'Risk policies' }).click();
  await expect(rule(3).getByLabel('Name')).toHaveValue('Any risk');
  await expect(
    view.getByRole('list', { name: 'Policy warnings' }).getByRole('listitem'),
  ).toHaveCount(4);

  const download = page.waitForEvent('download');
  await view.getByRole('link', { name: 'Export policy JSON' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
    policyId: 'rst0entityrisk',
    rules: [
      { name: 'High risk', riskLevel: 'HIGH', flow: QUARANTINE, terminateAllSessions: false },
      { name: 'Medium risk', riskLevel: 'MEDIUM', flow: CLEAR, terminateAllSessions: true },
      { name: 'Any risk', riskLevel: 'ANY', flow: HELPER, terminateAllSessions: false },
    ],
  });

  // The exported file is what `flopack terraform` reads.
  const ids = testInfo.outputPath('flow-ids.json');
  writeFileSync(ids, JSON.stringify({ [QUARANTINE]: '101', [CLEAR]: '102', [HELPER]: '103' }));
  const hcl = execFileSync(process.execPath, [
    path.resolve('dist-cli/flopack.js'),
    'terraform',
    file,
    '--flow-ids',
    ids,
  ]).toString();
  expect(hcl.match(/resource "okta_entity_risk_policy_rule"/g)).toHaveLength(3);
  expect(hcl).toContain('workflow_id            = "102"');
});
