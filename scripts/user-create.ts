import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser } from '../lib/auth/create-user';
import { setupLinkPath } from '../lib/auth/password-setup-links';
import { AppError, Invalid } from '../lib/errors';
import { openFromEnv } from './open-from-env';
import { closingAfter, messageOf, runCli } from './run-cli';

const USAGE =
  'usage: npm run user:create -- --email EMAIL --role admin|editor|reviewer [--locality SLUG] [--name NAME] [--password PASSWORD | --link]';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      locality: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      link: { type: 'boolean' },
    },
  });
  const { email, role } = values;
  if (!email || !role || (values.link && values.password !== undefined)) {
    console.error(USAGE);
    return 2;
  }
  // Without --password a strong one is generated and shown once; prefer that to a password in shell history. With
  // --link there is no password: the person chooses one with a one-time set-password link (72 hours).
  const generated = values.password === undefined && !values.link;
  const password = values.link ? undefined : (values.password ?? crypto.randomBytes(18).toString('base64url'));
  const handle = await openFromEnv('npm run user:create');
  return closingAfter(handle, notCreated, async (handle) => {
    const { userId, setupLink } = await createUser(
      handle.db,
      { email, role: role as 'admin', locality: values.locality, name: values.name ?? '', password },
      null,
    );
    const where = values.locality ? ` of ${values.locality}` : ' (site administrator)';
    console.log(`Created user #${userId} ${email} as ${role}${where}.`);
    if (generated) console.log(`Password (shown once, store it safely): ${password}`);
    if (setupLink) {
      console.log(`Set-password link (shown once; put this site's address in front, e.g. https://abate.county.gov):`);
      console.log(`  ${setupLinkPath(setupLink.token)}  (works once, until ${setupLink.expiresAt.toISOString()})`);
    }
    return 0;
  });
});

/** A refusal of the verb, each field's problem named by its option. */
function notCreated(error: unknown): string | null {
  if (error instanceof Invalid) {
    const details = Object.entries(error.fieldErrors).map(([field, messages]) => `--${field}: ${messages.join(' ')}`);
    return `the user was not created:\n${details.join('\n') || error.message}`;
  }
  return messageOf(AppError)(error);
}
