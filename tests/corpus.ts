/**
 * The corpus of real Okta exports for unit tests (see corpusLocation.ts for where it is
 * found). Corpus tests are declared with `describeCorpus` / `itCorpus` / `itEachCorpusFile`:
 * their titles carry `[corpus]`, and without a corpus they are skipped — the run then prints
 * one line saying how many (tests/corpusReporter.ts).
 */
import { describe, it } from 'vitest';
import { CORPUS_TAG, corpusFiles, corpusName, hasCorpus } from './corpusLocation.ts';

export {
  CORPUS_DIR,
  CORPUS_TAG,
  corpusFile,
  corpusFiles,
  corpusName,
  corpusText,
  hasCorpus,
} from './corpusLocation.ts';

type Body = () => void | Promise<void>;

/** A suite that needs the corpus: skipped without one. */
export const describeCorpus = (title: string, body: () => void): void => {
  describe.skipIf(!hasCorpus)(`${CORPUS_TAG} ${title}`, body);
};

/** A test that needs the corpus: skipped without one. */
export const itCorpus = (title: string, body: Body, timeout?: number): void => {
  it.skipIf(!hasCorpus)(`${CORPUS_TAG} ${title}`, body, timeout);
};

/**
 * One test per corpus file (`%s` in the title is the file's name); without a corpus, one
 * skipped test stands for them all so the skip is counted.
 */
export const itEachCorpusFile = (
  title: string,
  body: (name: string, file: string) => void | Promise<void>,
  timeout?: number,
): void => {
  if (!hasCorpus) {
    it.skip(`${CORPUS_TAG} ${title.replace('%s', 'each corpus file')}`, () => {});
    return;
  }
  const cases = corpusFiles().map((f) => [corpusName(f), f] as const);
  it.each(cases)(`${CORPUS_TAG} ${title}`, (name, file) => body(name, file), timeout);
};
