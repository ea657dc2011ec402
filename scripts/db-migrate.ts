import { seedReferenceData } from '../db/seed/reference';
import { openFromEnv } from './open-from-env';
import { runCli } from './run-cli';

runCli(async () => {
  const handle = await openFromEnv('npm run db:migrate');
  try {
    await seedReferenceData(handle.db);
    console.log(`Migrations applied and reference data loaded (${handle.driver} at ${handle.where}).`);
  } finally {
    await handle.close();
  }
});
