// Prints one "N passed, N failed, N skipped" line from the Vitest and Playwright JSON reports.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, e2eFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const unit = read(vitestFile);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  console.log('(no unit test report: the checks before the unit tests failed)');
  failed += 1;
}
const e2e = read(e2eFile);
if (e2e) {
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
} else {
  console.log('(no e2e report: the e2e tests did not run)');
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
