/**
 * The pull-request comment: a hidden marker (so the Action updates its own comment instead of
 * adding one per push), a heading, and the review of every changed flopack file.
 */
import type { FileReview, ReviewLevel } from './markdown.ts';
import { reviewMarkdown } from './markdown.ts';

/** Hidden marker that identifies the review comment on a pull request. */
export const COMMENT_MARKER = '<!-- flopack-studio-review -->';

/** Options of `reviewComment`. */
export interface CommentOptions {
  /** Mention of the workflow artifact holding SVG and PNG pictures and HTML pages. */
  artifact?: string;
  /** Address of that artifact (`actions/upload-artifact`'s `artifact-url` output). */
  artifactUrl?: string;
  maxChars?: number;
}

/** Builds the comment body for the changed files. */
export function reviewComment(
  files: readonly FileReview[],
  opts: CommentOptions = {},
): { body: string; level: ReviewLevel } {
  const count = files.length;
  const header = [
    COMMENT_MARKER,
    '## Flopack review',
    count === 0
      ? 'No `.flopack`, `.folder` or `.flow` files changed in this pull request.'
      : `${count} flopack file${count === 1 ? '' : 's'} changed.${opts.artifact ? ` ${opts.artifact}` : ''}`,
  ].join('\n\n');
  const r = reviewMarkdown(files, {
    header,
    ...(opts.maxChars !== undefined ? { maxChars: opts.maxChars } : {}),
    ...(opts.artifact ? { picturesElsewhere: 'the workflow artifact has every picture' } : {}),
    ...(opts.artifactUrl ? { artifactUrl: opts.artifactUrl } : {}),
  });
  return { body: r.markdown, level: r.level };
}
