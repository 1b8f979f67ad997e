/**
 * The GitHub Action (action.yml at the repository root), read with a YAML parser: its steps
 * write the pictures and HTML pages, upload them as an artifact, and comment with links to it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../action.yml'), 'utf8'),
) as Action;
const steps = action.runs.steps;
const step = (id: string): Step => {
  const s = steps.find((x) => x.id === id);
  if (!s) throw new Error(`action.yml has no step with id ${id}`);
  return s;
};
const at = (id: string): number => steps.findIndex((x) => x.id === id);

describe('the GitHub Action', () => {
  it('writes the pictures and HTML pages before uploading them as one artifact', () => {
    expect(action.runs.using).toBe('composite');
    const review = step('review');
    expect(review.run).toContain('scripts/pr-review.mjs');
    expect(review.env?.['FLOPACK_STAGE']).toBe('files');
    expect(review.env?.['FLOPACK_OUT']).toBe('${{ runner.temp }}/flopack-review');
    const upload = step('artifact');
    expect(upload.uses).toMatch(/^actions\/upload-artifact@v4/);
    expect(upload.with?.['path']).toBe(review.env?.['FLOPACK_OUT']);
    expect(upload.with?.['name']).toBe('${{ inputs.artifact-name }}');
    expect(upload.if).toBe("steps.review.outputs.pictures == 'true'");
    expect(at('review')).toBeLessThan(at('artifact'));
  });

  it('comments after the upload, linking the uploaded artifact beside the pictures and diff', () => {
    const comment = step('comment');
    expect(comment.run).toContain('scripts/pr-review.mjs');
    expect(comment.env?.['FLOPACK_STAGE']).toBe('comment');
    expect(comment.env?.['FLOPACK_ARTIFACT_URL']).toBe(
      '${{ steps.artifact.outputs.artifact-url }}',
    );
    expect(comment.env?.['FLOPACK_OUT']).toBe(step('review').env?.['FLOPACK_OUT']);
    expect(comment.env?.['GITHUB_TOKEN']).toBe('${{ inputs.github-token }}');
    expect(at('artifact')).toBeLessThan(at('comment'));
    expect(action.outputs['comment-url']?.value).toBe('${{ steps.comment.outputs.comment-url }}');
    expect(action.outputs['files']?.value).toBe('${{ steps.review.outputs.files }}');
  });

  it('lints the changed files as SARIF for code scanning', () => {
    expect(step('lint').run).toContain('lint --format sarif');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toContain("steps.lint.outputs.sarif == 'true'");
  });
});
