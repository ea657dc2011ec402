/**
 * Reads `npm audit --json` output. Returns the check's counts (one check: passed, failed or skipped) and the lines
 * to print. No report at all (endpoint refused or unreachable) is "skipped": nothing was checked.
 * @param {string} stdout
 * @param {string} stderr
 * @returns {{ counts: { passed: number, failed: number, skipped: number }, lines: string[] }}
 */
export function auditVerdict(stdout, stderr) {
  let answer = null;
  try {
    answer = JSON.parse(stdout);
  } catch {
    answer = null;
  }
  const found = answer?.metadata?.vulnerabilities;
  if (!found) {
    const why = answer?.statusCode
      ? `the registry's audit endpoint answered ${answer.statusCode} (${answer.message ?? 'no message'})`
      : `npm audit gave no report (${(stderr || 'no output').trim().split('\n').at(-1)})`;
    return { counts: { passed: 0, failed: 0, skipped: 1 }, lines: [`npm audit: NOT CHECKED — ${why}. Counted as 1 skipped check.`] };
  }
  const serious = Object.entries(answer.vulnerabilities ?? {}).filter(
    ([, v]) => v.severity === 'high' || v.severity === 'critical',
  );
  const lines = [
    `npm audit (production dependencies): ${found.critical} critical, ${found.high} high, ${found.moderate} moderate, ${found.low} low`,
    ...serious.map(([name, v]) => `  ${v.severity}: ${name} (${[].concat(v.via).map((x) => x.title ?? x).join('; ')})`),
  ];
  return { counts: serious.length === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, lines };
}
