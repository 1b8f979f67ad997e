import { describe, expect, it } from 'vitest';
import { runFlopack } from '../../../tests/cli.ts';
import { corpusFile, itCorpus } from '../../../tests/corpus.ts';
import { fixtureFile } from '../../../tests/fixtures/flopacks.ts';

describe('flopack info', () => {
  it('lists the helper link of a generated fixture', async () => {
    const r = await runFlopack('info', fixtureFile('helpers'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Helpers');
    expect(r.out).toContain('    calls → Check one group');
  });

  itCorpus('lists folders, flows with kinds, card counts and helper links', async () => {
    const r = await runFlopack('info', corpusFile('assign_temporary_group_memberships'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Timed Group Membership');
    expect(r.out).toContain(
      '  SUB - Remove User from Group [Helper flow] 4 cards in "Timed Group Membership"',
    );
    expect(r.out).toContain('    calls → SUB - Remove User from Group');
    expect(r.out.some((l) => l.includes('[Scheduled flow]'))).toBe(true);
  });
});
