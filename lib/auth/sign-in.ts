import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { burnVerifyTime, verifyPassword } from './password';
import { createSession } from './sessions';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(320).email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
});

const WRONG = 'That email and password do not match an active account.';

/**
 * Checks an email and password and opens a new session (a new token at every sign-in, so a token planted before
 * sign-in is worthless). Failures are limited per account and per address, recorded in the database so every app
 * server sees them, and logged.
 */
export async function signIn(
  executor: Executor,
  input: unknown,
  ip: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const { email, password } = parseInput(signInInput, input);
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [counts] = await executor
    .select({
      byAccount: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})::int`,
      byAddress: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})::int`,
    })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  if ((counts?.byAccount ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (counts?.byAddress ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    console.warn(`[abate] sign-in refused (rate limit) for ${email} from ${ip}`);
    throw new Invalid('Too many failed sign-in attempts. Please wait 15 minutes and try again.');
  }

  const [user] = await executor
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  let ok = false;
  if (user?.passwordHash) ok = (await verifyPassword(user.passwordHash, password)) && user.disabledAt === null;
  else await burnVerifyTime(password);

  await executor.insert(signInAttempts).values({ email, ip, succeeded: ok, at: now });
  if (!ok || !user) {
    console.warn(`[abate] sign-in failed for ${email} from ${ip}`);
    throw new Invalid(WRONG, { email: [WRONG] });
  }
  const session = await createSession(executor, user.id, now);
  return { ...session, userId: user.id };
}
