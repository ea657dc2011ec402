import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { attemptSucceeded, takeAttempt } from './attempt-limits';
import { burnVerifyTime, verifyPassword } from './password';
import { createSession } from './sessions';

const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(320).email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
});

const WRONG = 'That email and password do not match an active account.';

/**
 * Checks an email and password and opens a new session (a new token at every sign-in, so a token planted before
 * sign-in is worthless). The attempt is counted before the password is checked, and repeated failures are slowed
 * down per account and per address (attempt-limits.ts), in the database so every app server sees them; failures
 * are logged. `ip` is the client's address as getClientIp finds it (never a header the client chose).
 */
export async function signIn(
  executor: Executor,
  input: unknown,
  ip: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const { email, password } = parseInput(signInInput, input);
  const attemptId = await takeAttempt(executor, { email, ip }, now);

  const [user] = await executor
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  let ok = false;
  if (user?.passwordHash) ok = (await verifyPassword(user.passwordHash, password)) && user.disabledAt === null;
  else await burnVerifyTime(password);

  if (!ok || !user) {
    console.warn(`[abate] sign-in failed for ${email} from ${ip}`);
    throw new Invalid(WRONG, { email: [WRONG] });
  }
  await attemptSucceeded(executor, attemptId);
  const session = await createSession(executor, user.id, now);
  return { ...session, userId: user.id };
}
