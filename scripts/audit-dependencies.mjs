// The `npm test` stage for issue #8: no high or critical advisory in production dependencies (`npm audit`).
// When the registry's audit endpoint cannot be reached or refuses the request (this project's build machines get
// "405 Method Not Allowed"), nothing was checked: that is reported as one skipped check, never as a pass.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { auditVerdict } from './audit-verdict.mjs';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const { counts, lines } = auditVerdict(result.stdout ?? '', result.stderr || result.error?.message || '');
for (const line of lines) console.log(line);
fs.mkdirSync('.test-reports', { recursive: true });
fs.writeFileSync('.test-reports/audit.json', JSON.stringify(counts));
process.exit(counts.failed > 0 ? 1 : 0);
