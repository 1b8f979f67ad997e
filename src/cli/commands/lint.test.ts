import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace, placeTemplate } from '../../../tests/builders.ts';
import { runFlopack, tempFile } from '../../../tests/cli.ts';
import { corpusFile, itCorpus } from '../../../tests/corpus.ts';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import { writeFlopack } from '../../export/flopack/write.ts';
import { ok, unwrap } from '../../model/errors.ts';
import { scheduledEvent } from '../../model/events.ts';
import { createFlow, editFlowContent, setEvent } from '../../model/flows.ts';
import { removeCard } from '../../model/insert.ts';
import { allCardIds } from '../../model/scope.ts';

describe('flopack lint', () => {
  it('finds no problems in the generated fixtures', async () => {
    const r = await runFlopack('lint', ...fixtureFiles());
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.endsWith(': 0 error(s), 0 warning(s)'))).toHaveLength(
      fixtureFiles().length,
    );
  });

  itCorpus('finds no problems in a real ISPM remediation flow', async () => {
    const r = await runFlopack('lint', corpusFile('suspend_okta_account_ispm_remediation_flow'));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${corpusFile('suspend_okta_account_ispm_remediation_flow')}: 0 error(s), 0 warning(s)`,
    ]);
  });

  it('reports the quarantine helper without its Everyone guard; --strict fails on the warning', async () => {
    const placed = placeTemplate('quarantine', { atRiskGroupId: '00g5atriskusers' }, 3).workspace;
    const helper = Object.values(placed.flows).find((f) => f.name === 'Remove user from group');
    const guard = helper?.data.methods.find((m) => m.node.key === 'continueIf');
    const edited = unwrap(
      editFlowContent(placed, helper?.id as never, (d) => removeCard(d, guard?.uuid as never)),
    );
    const f = tempFile('quarantine.folder', unwrap(writeFlopack(edited)));
    const r = await runFlopack('lint', f);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('flow “Remove user from group”: warning everyone-guard:');
    expect((await runFlopack('lint', '--strict', f)).code).toBe(1);
  });

  it('reports an invalid schedule in a file as a coded error', async () => {
    const { ws, folderId } = makeWorkspace();
    const { workspace, flow } = unwrap(createFlow(ws, folderId, { name: 'Nightly' }));
    const edited = unwrap(
      editFlowContent(workspace, flow.id, (d) => {
        const r = setEvent(d, scheduledEvent(catalog, allCardIds(d)), { scheduled: true });
        return r.ok ? ok({ ...r.value, cron: { ...(r.value.cron as object), hours: '24' } }) : r;
      }),
    );
    const r = await runFlopack('lint', tempFile('nightly.folder', unwrap(writeFlopack(edited))));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(
      /flow “Nightly”: error invalid-schedule: SCHEDULE_E003: Hours "24" is not valid/,
    );
  });
});
