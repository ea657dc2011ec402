/**
 * A child process for the folder-lock test: opens an embedded database folder, writes rows when told, and keeps
 * the folder open until told to close. Commands arrive one per line on stdin: `insert N`, `close`.
 */
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../client';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: hold-folder.ts DATA_DIR');
  const handle = await openDatabase({ dataDir, command: 'hold-folder test process' });
  await handle.db.execute(sql`create table if not exists probe (n integer not null)`);
  console.log(`READY ${process.pid}`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [command, arg] = line.trim().split(' ');
    if (command === 'insert') {
      const count = Number(arg);
      await handle.db.execute(sql`insert into probe select generate_series(1, ${count})`);
      console.log(`INSERTED ${count}`);
    } else if (command === 'close') {
      await handle.close();
      console.log('CLOSED');
      process.exit(0);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
