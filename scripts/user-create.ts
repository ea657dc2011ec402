import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser } from '../lib/auth/create-user';
import { AppError, Invalid } from '../lib/errors';
import { openFromEnv } from './open-from-env';
import { runCli } from './run-cli';

const USAGE =
  'usage: npm run user:create -- --email EMAIL --role admin|editor|reviewer [--locality SLUG] [--name NAME] [--password PASSWORD]';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      locality: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.email || !values.role) {
    console.error(USAGE);
    return 2;
  }
  // Without --password a strong one is generated and shown once; prefer that to a password in shell history.
  const generated = values.password === undefined;
  const password = values.password ?? crypto.randomBytes(18).toString('base64url');
  const handle = await openFromEnv('npm run user:create');
  try {
    const { userId } = await createUser(
      handle.db,
      { email: values.email, role: values.role as 'admin', locality: values.locality, name: values.name ?? '', password },
      null,
    );
    const where = values.locality ? ` of ${values.locality}` : ' (site administrator)';
    console.log(`Created user #${userId} ${values.email} as ${values.role}${where}.`);
    if (generated) console.log(`Password (shown once, store it safely): ${password}`);
    return 0;
  } catch (error) {
    if (error instanceof Invalid) {
      const details = Object.entries(error.fieldErrors).map(([field, messages]) => `--${field}: ${messages.join(' ')}`);
      console.error(`abate: the user was not created:\n${details.join('\n') || error.message}`);
      return 1;
    }
    if (error instanceof AppError) {
      console.error(`abate: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
});
