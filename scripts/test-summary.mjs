// Prints the closing line of `npm test` from the runners' JSON reports and exits non-zero on any failure.
import fs from 'node:fs';

const failedStages = process.argv.slice(2);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('.test-reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = read('.test-reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
}
// Checks that are not test runners: the dependency audit and the fault-injection script. Each writes
// { passed, failed, skipped }.
for (const file of ['.test-reports/audit.json', '.test-reports/faults.json']) {
  const counts = read(file);
  if (!counts) continue;
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}

console.log();
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length > 0 || failed > 0 || (!vitest && !playwright) ? 1 : 0);
