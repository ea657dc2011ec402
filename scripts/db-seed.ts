import { parseArgs } from 'node:util';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '../db/seed/reference';
import { openFromEnv } from './open-from-env';
import { runCli } from './run-cli';

runCli(async () => {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const handle = await openFromEnv(`npm run db:seed${values.demo ? ' -- --demo' : ''}`);
  try {
    await seedReferenceData(handle.db);
    console.log(`Reference data loaded (${handle.driver} at ${handle.where}).`);
    if (values.demo) {
      const added = await seedDemoData(handle.db);
      console.log(
        `Demo data: ${added.localities} localities, ${added.receipts} receipts, ${added.allocations} allocations ` +
          `and ${added.expenditures} expenditures, ${added.users} demo accounts and ${added.goals} equity goals added (rows that were already there are left as they are).`,
      );
    }
  } finally {
    await handle.close();
  }
});
