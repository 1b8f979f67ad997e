/**
 * A Playwright reporter that prints one line when corpus tests were skipped for want of a
 * corpus, so a run without Okta's files says so instead of passing quietly.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { CORPUS_TAG, corpusSkippedLine, hasCorpus } from '../tests/corpusLocation.ts';

export default class CorpusReporter implements Reporter {
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!hasCorpus && result.status === 'skipped' && test.title.includes(CORPUS_TAG))
      this.skipped++;
  }

  onEnd(): void {
    if (this.skipped) console.log(`\n${corpusSkippedLine(this.skipped)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
