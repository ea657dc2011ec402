import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadEnv } from '../db/env';
import { acquireFolderLock } from '../db/folder-lock';
import { NEXT_BIN, nextStartArgs } from './next-server';
import { runCli } from './run-cli';

/**
 * `npm start`: build when the sources changed since the last build, then serve. The server itself migrates and
 * seeds at start-up (instrumentation.ts). The folder check comes first so that a second `npm start` on the same
 * embedded database is refused before it rebuilds anything under a running server.
 */
const ROOT = process.cwd();
const BUILD_INPUTS = ['app', 'lib', 'db', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join(ROOT, '.next', 'abate-build-stamp');

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((dirent) => listFiles(path.join(entry, dirent.name)))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap(listFiles).sort()) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

runCli(async () => {
  const env = loadEnv();
  if (!env.DATABASE_URL) acquireFolderLock(env.dataDir, 'npm start (checking the folder)').release();

  const hash = sourceHash();
  const built = fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;
  if (!built) {
    console.log('Building Abate (first start, or the sources changed)…');
    const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: process.env });
    if (result.status !== 0) return result.status ?? 1;
    fs.writeFileSync(STAMP, hash);
  }

  console.log(`Starting Abate on http://localhost:${env.PORT} …`);
  const server = spawn(process.execPath, nextStartArgs(env.PORT), {
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  return new Promise<number>((resolve) => server.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
});
