import { AppError, Invalid } from '../lib/errors';
import { createLocality } from '../lib/services/localities/create';
import { SystemActor } from '../lib/services/import/actor';
import { describeFieldErrors, LOCALITY_CREATE_USAGE, parseLocalityCreateArgs } from './locality-create-args';
import { openFromEnv } from './open-from-env';
import { closingAfter, runCli } from './run-cli';

/**
 * Adds a real locality from the command line, the same verb as the staff workspace's "Add a locality":
 *
 *   npm run locality:create -- --name "Orange County" --state NC --kind county
 *
 * Whoever runs it holds the database (the embedded folder, or DATABASE_URL), so it acts as the system, recorded in
 * the audit log as "command-line locality:create". The slug is printed alone on the last line, for scripts.
 */
runCli(async () => {
  const parsed = parseLocalityCreateArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`abate: ${parsed.message}\n${LOCALITY_CREATE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(LOCALITY_CREATE_USAGE);
    return 0;
  }
  const handle = await openFromEnv('npm run locality:create');
  return closingAfter(handle, notCreated, async (handle) => {
    const created = await createLocality({ db: handle.db, actor: new SystemActor('command-line locality:create') }, parsed.input);
    console.log(`Created ${created.name} (#${created.id}); its public page is /l/${created.slug}. Its slug:`);
    console.log(created.slug);
    return 0;
  });
});

function notCreated(error: unknown): string | null {
  if (error instanceof Invalid) return `the locality was not created: ${describeFieldErrors(error.fieldErrors, error.message)}`;
  if (error instanceof AppError) return `the locality was not created: ${error.message}`;
  return null;
}
