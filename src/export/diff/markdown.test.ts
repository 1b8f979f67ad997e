import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { setCardTitle } from '../../model/cards.ts';
import { unwrap } from '../../model/errors.ts';
import { editFlowContent, setSaveAllData } from '../../model/flows.ts';
import type { CardId } from '../../model/ids.ts';
import { readFlopack } from '../flopack/read.ts';
import { writeFlopack } from '../flopack/write.ts';
import { COMMENT_MARKER, reviewComment } from './comment.ts';
import { artifactLine, reviewMarkdown } from './markdown.ts';
import { reviewFile } from './review.ts';

const before = fixtureText('helpers');
const ws = unwrap(readFlopack(before));
const helper = Object.values(ws.flows).find((f) => f.name === 'Check one group')!;
const compose = helper.data.methods.find((m) => m.node.data.name === 'Compose')!;
let edited = unwrap(
  editFlowContent(ws, helper.id, (d) => setCardTitle(d, compose.uuid as CardId, 'Sentence')),
);
edited = unwrap(setSaveAllData(edited, helper.id, !helper.data.log));
const after = unwrap(writeFlopack(edited));
const review = reviewFile('flows/suspend.flopack', before, after);

const fullSize = reviewMarkdown([review]).markdown.length;

describe('review Markdown', () => {
  it('lists the changes and pictures every flow, changed cards marked', () => {
    const { markdown, level } = reviewMarkdown([review]);
    expect(level).toBe('full');
    expect(markdown).toContain('### flows/suspend.flopack — modified');
    expect(markdown).toContain('2 changes in 1 flow (1 changed)');
    expect(markdown).toContain("- Card 'Compose' renamed to 'Sentence' in flow 'Check one group'");
    expect(markdown.match(/```mermaid/g)).toHaveLength(2);
    expect(markdown).toMatch(/class n\d+ changed/);
    expect(markdown).toContain('Pictures mark cards 🟩 added, 🟧 changed and 🟥 removed (dashed).');
  });

  it('leaves out pictures of unchanged flows first, and says so', () => {
    const { markdown, level } = reviewMarkdown([review], { maxChars: fullSize - 1 });
    expect(level).toBe('changed');
    expect(markdown.length).toBeLessThan(fullSize);
    expect(markdown.match(/```mermaid/g)).toHaveLength(1);
    expect(markdown).toContain(
      "> **Note:** Pictures of unchanged flows are left out to stay under GitHub's",
    );
  });

  it('then all pictures, then the end of the list, always within the limit', () => {
    const changed = reviewMarkdown([review], { maxChars: fullSize - 1 }).markdown.length;
    const list = reviewMarkdown([review], { maxChars: changed - 1 });
    expect(list.level).toBe('list');
    expect(list.markdown).not.toContain('```');
    expect(list.markdown.length).toBeLessThanOrEqual(changed - 1);
    const cut = reviewMarkdown([review], { maxChars: list.markdown.length - 1 });
    expect(cut.level).toBe('truncated');
    expect(cut.markdown.length).toBeLessThan(list.markdown.length);
    expect(cut.markdown).toContain('- … and 1 more');
    expect(cut.markdown).toContain('the change list is cut short');
  });

  it('says "No changes" for identical files', () => {
    const same = reviewFile('a.flopack', before, before);
    expect(reviewMarkdown([same]).markdown).toContain('\n\nNo changes\n');
  });

  it('reports a file it cannot read instead of failing', () => {
    const bad = reviewFile('bad.flopack', before, '{"type":"flopack"');
    expect(bad.status).toBe('unreadable');
    expect(reviewMarkdown([bad]).markdown).toMatch(
      /Not compared: new version: FLOPACK\\_E001: The file is not valid JSON/,
    );
  });
});

describe('the pull-request comment', () => {
  it('starts with the hidden marker the Action finds it by', () => {
    const { body } = reviewComment([review], {
      artifact: 'SVG and PNG pictures: artifact "flopack-review".',
    });
    expect(
      body.startsWith(
        `${COMMENT_MARKER}\n\n## Flopack review\n\n1 flopack file changed. SVG and PNG`,
      ),
    ).toBe(true);
  });

  it('says when no flopack file changed', () => {
    expect(reviewComment([]).body).toContain('No `.flopack`, `.folder` or `.flow` files changed');
  });
});

describe('links to the workflow artifact', () => {
  it("names a file's HTML page and pictures, linked to the artifact when its address is known", () => {
    const files = { page: 'html/flows-a-flow.html', pictures: ['flows-a-flow.svg'] };
    expect(artifactLine(files, 'https://github.com/o/r/actions/runs/1/artifacts/2')).toBe(
      'In the [workflow artifact](https://github.com/o/r/actions/runs/1/artifacts/2): `html/flows-a-flow.html` (HTML page: every flow, pan and zoom, card details), `flows-a-flow.svg`.',
    );
    expect(artifactLine({ page: null, pictures: [] }, undefined)).toBeNull();
    expect(artifactLine({ page: null, pictures: ['x.png'] }, undefined)).toBe(
      'In the workflow artifact: `x.png`.',
    );
  });
});
