/**
 * A Vitest reporter that prints one line when corpus tests were skipped for want of a
 * corpus, so a run without Okta's files says so instead of passing quietly.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { CORPUS_TAG, corpusSkippedLine, hasCorpus } from './corpusLocation.ts';

export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (hasCorpus) return;
    let skipped = 0;
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        if (test.fullName.includes(CORPUS_TAG) && test.result().state === 'skipped') skipped++;
      }
    }
    if (skipped) console.log(`\n${corpusSkippedLine(skipped)}\n`);
  }
}
