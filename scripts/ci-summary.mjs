// Prints one "N passed, N failed, N skipped" line from the Vitest and Playwright JSON reports.
// With --require-corpus, exits 1 when any test tagged [corpus] was skipped (CI always has the
// real Okta corpus, so a skip there means the corpus was not found).
import { existsSync, readFileSync } from 'node:fs';

const requireCorpus = process.argv.includes('--require-corpus');
const TAG = '[corpus]';
let corpusSkipped = 0;

const [vitestFile, e2eFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const unit = read(vitestFile);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  for (const file of unit.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if ((t.status === 'skipped' || t.status === 'pending') && (t.fullName ?? '').includes(TAG))
        corpusSkipped++;
} else {
  console.log('(no unit test report: the checks before the unit tests failed)');
  failed += 1;
}
const e2e = read(e2eFile);
if (e2e) {
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      if (spec.title.includes(TAG))
        for (const t of spec.tests ?? []) if (t.status === 'skipped') corpusSkipped++;
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
} else {
  console.log('(no e2e report: the e2e tests did not run)');
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (requireCorpus && corpusSkipped) {
  console.log(`${corpusSkipped} corpus test(s) skipped: the real Okta corpus was not found`);
  process.exit(1);
}
