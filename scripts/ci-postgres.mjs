// Fails CI when the PostgreSQL tests (named "[postgres]") were skipped or did not run.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) process.exit(0); // no unit report: ci-summary already failed
const report = JSON.parse(readFileSync(file, 'utf8'));
const tests = (report.testResults ?? [])
  .flatMap((f) => f.assertionResults ?? [])
  .filter((t) => String(t.fullName ?? '').includes('[postgres]'));
const ran = tests.filter((t) => t.status === 'passed' || t.status === 'failed').length;
const skipped = tests.length - ran;
if (tests.length === 0 || skipped > 0) {
  console.log(
    `PostgreSQL tests: ${ran} ran, ${skipped} skipped — CI must run them (is Debian's postgresql installed?).`,
  );
  process.exit(1);
}
console.log(`PostgreSQL tests: ${ran} ran, 0 skipped.`);
