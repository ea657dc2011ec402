// Prints the closing line of `npm test` from the runners' JSON reports and exits non-zero on any failure.
import fs from 'node:fs';

const failedStages = process.argv.slice(2);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

// The failed tests by name, with the first line of each one's error: CI shows only the tail of the output, so the
// names must be near the end, not only in the stage logs above.
const failures = [];
const firstLine = (message) => String(message ?? '').split('\n').find((line) => line.trim() !== '') ?? '';

const vitest = read('.test-reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const where = file.name.replace(`${process.cwd()}/`, '');
      failures.push(`vitest  ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed')) {
      failures.push(`vitest  ${file.name.replace(`${process.cwd()}/`, '')}: ${firstLine(file.message)}`);
    }
  }
}
const playwright = read('.test-reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`e2e     ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, child.title && !child.file ? [...titles, child.title] : titles);
  };
  for (const suite of playwright.suites ?? []) visit(suite, []);
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
if (failures.length > 0) {
  console.log('Failed tests:');
  // Escape codes from the runners' messages would garble a plain log.
  for (const line of failures) console.log(`  ${line.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 400)}`);
}
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length > 0 || failed > 0 || (!vitest && !playwright) ? 1 : 0);
