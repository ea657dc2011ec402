import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Checks, onCleanup, start, startTsx, tempFolder, type Child, type FaultResult } from './harness';

/**
 * Case e: the embedded database's folder cannot be written — a read-only file system, a full disk (an existing
 * database whose disk filled up; a new database on a disk too small for it), a path through a file. Both the
 * command line (`npm run db:migrate`) and the server (`next start`, which opens the database at start-up) must stop
 * with one clear line naming the folder and the cause, exit non-zero, and print no stack.
 *
 * The tests run as root, where permission bits do not stop writes, so the read-only and full disks are small tmpfs
 * mounts; where mounting is not permitted those conditions are reported as skipped, with the reason.
 */

interface Condition {
  label: string;
  dataDir: string;
  /** The cause the message must give. */
  cause: RegExp;
}

function mount(dir: string, options: string): string | null {
  fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) return (result.stderr || result.error?.message || 'mount failed').trim();
  onCleanup(() => {
    spawnSync('umount', ['-l', dir]);
  });
  return null;
}

/** Writes zeros until the file system says it is full. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  // The last partial blocks too.
  const small = fs.openSync(path.join(dir, 'filler-small'), 'w');
  try {
    for (;;) fs.writeSync(small, Buffer.alloc(512));
  } catch {
    /* full */
  } finally {
    fs.closeSync(small);
  }
}

async function conditions(checks: Checks): Promise<Condition[]> {
  const folder = tempFolder('startup');
  const list: Condition[] = [];

  const file = path.join(folder, 'a-file');
  fs.writeFileSync(file, 'not a folder');
  list.push({ label: 'a path through a file', dataDir: path.join(file, 'abate'), cause: /a part of the path is a file/ });

  // The data folder itself on a read-only file system, and a new one to be made there.
  const readOnly = path.join(folder, 'ro-mount');
  const roError = mount(readOnly, 'ro,size=1m');
  if (roError) checks.notes.push(`read-only folder not tested: mount refused (${roError})`);
  else {
    list.push({ label: 'an existing folder on a read-only file system', dataDir: readOnly, cause: /the file system is read-only/ });
    list.push({ label: 'a new folder on a read-only file system', dataDir: path.join(readOnly, 'abate'), cause: /the file system is read-only/ });
  }

  const full = path.join(folder, 'full');
  const fullError = mount(full, 'size=160m');
  if (fullError) checks.notes.push(`full disk not tested: mount refused (${fullError})`);
  else {
    // An existing database whose disk then filled up.
    const dataDir = path.join(full, 'abate');
    const migrate = startTsx('scripts/db-migrate.ts', [], { ABATE_DATA_DIR: dataDir, DATABASE_URL: '' });
    const { code } = await migrate.exited;
    if (code !== 0) checks.expect(false, `could not create the database to fill its disk: ${migrate.stderr().trim().split('\n').at(-1)}`);
    else {
      fill(full);
      list.push({ label: 'a full disk under an existing database', dataDir, cause: /the disk is full/ });
    }
  }

  const tiny = path.join(folder, 'tiny');
  const tinyError = mount(tiny, 'size=4m');
  if (tinyError) checks.notes.push(`new database on a small disk not tested: mount refused (${tinyError})`);
  else list.push({ label: 'a new database on a disk too small for it', dataDir: path.join(tiny, 'abate'), cause: /the disk is full/ });
  return list;
}

/** The problems with how a start-up on `condition` ended. */
function judge(who: string, condition: Condition, child: Child, code: number | null): string[] {
  const problems: string[] = [];
  const output = `${child.stdout()}\n${child.stderr()}`;
  if (code === 0 || code === null) problems.push(`${who} on ${condition.label} exited ${code}`);
  const ours = output.split('\n').filter((line) => /^(\[abate\]|abate:)/.test(line));
  if (ours.length !== 1) problems.push(`${who} on ${condition.label} printed ${ours.length} lines of its own: ${ours.join(' | ').slice(0, 300)}`);
  const line = ours[0] ?? '';
  if (!line.includes(condition.dataDir)) problems.push(`${who} on ${condition.label} did not name the folder: "${line}"`);
  if (!condition.cause.test(line.replaceAll(condition.dataDir, 'DIR'))) problems.push(`${who} on ${condition.label} did not give the cause (${condition.cause}): "${line}"`);
  if (/^\s+at /m.test(output)) problems.push(`${who} on ${condition.label} printed a stack`);
  return problems;
}

export async function startupFolderFaults(buildDir: string | null, port: number): Promise<FaultResult> {
  const checks = new Checks();
  const seen: string[] = [];
  for (const condition of await conditions(checks)) {
    const env = { ABATE_DATA_DIR: condition.dataDir, DATABASE_URL: '', PORT: String(port) };
    const cli = startTsx('scripts/db-migrate.ts', [], env);
    const cliExit = await cli.exited;
    checks.injected += 1;
    for (const problem of judge('npm run db:migrate', condition, cli, cliExit.code)) checks.expect(false, problem);
    if (buildDir) {
      const server = start(process.execPath, [path.join(buildDir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: buildDir,
        env: { ...process.env, NODE_ENV: 'production', ...env },
      });
      const timer = setTimeout(() => server.process.kill('SIGKILL'), 60_000);
      const serverExit = await server.exited;
      clearTimeout(timer);
      checks.injected += 1;
      for (const problem of judge('the server', condition, server, serverExit.code)) checks.expect(false, problem);
    }
    const line = cli.stderr().split('\n').find((l) => l.startsWith('abate:')) ?? '';
    seen.push(`${condition.label}: "${line.replaceAll(condition.dataDir, 'DIR')}"`);
  }
  if (!buildDir) checks.notes.push('the server was not started (no build); the command line was');
  checks.notes.push(...seen);
  return checks.result('Embedded database folder not writable or disk full, at start-up');
}
