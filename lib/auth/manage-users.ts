import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { localities, memberships, users } from '@/db/schema';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { emitAudit, withTransaction, type ServiceContext } from '@/lib/services/context';
import { attemptSucceeded, takeAttempt } from './attempt-limits';
import { requireScope, type Actor } from './authorize';
import { hashPassword, verifyPassword } from './password';
import { newPasswordField } from './password-rules';
import { endAllSessions } from './sessions';

const membershipInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  // At most the largest PostgreSQL integer: a larger one cannot exist and would fail in the database.
  localityId: z.coerce.number().int().positive().max(2_147_483_647),
  role: z.enum(['admin', 'editor', 'reviewer']).nullable(),
});

/** Gives a person a role in a locality, changes it, or (role null) removes them from it. Admins of that locality only. */
export async function setMembership(ctx: ServiceContext<Actor | null>, input: unknown): Promise<void> {
  const { actor } = ctx;
  const data = parseInput(membershipInput, input);
  requireScope(actor, 'users.manage', data.localityId);
  await withTransaction(ctx, async ({ db: tx }) => {
    const [locality] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.id, data.localityId));
    if (!locality) throw new NotFound('That locality');
    const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${data.email}`);
    if (!user) throw new Invalid('No account has that email.', { email: ['No account has that email. Create it first.'] });
    const [before] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.localityId, data.localityId)));
    if (data.role === null) {
      await tx.delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.localityId, data.localityId)));
    } else {
      await tx
        .insert(memberships)
        .values({ userId: user.id, localityId: data.localityId, role: data.role })
        .onConflictDoUpdate({ target: [memberships.userId, memberships.localityId], set: { role: data.role } });
    }
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: data.localityId,
      action: data.role === null ? 'delete' : before ? 'update' : 'create',
      entity: 'membership',
      entityId: `${user.id}:${data.localityId}`,
      before: before ? { email: data.email, role: before.role } : null,
      after: data.role === null ? null : { email: data.email, role: data.role },
    });
  });
}

export const userIdInput = z.object({ userId: z.coerce.number().int().positive().max(2_147_483_647) });

/**
 * An active account this administrator may manage, with the localities it belongs to: a site admin may manage
 * anyone; a locality admin only people who belong to no locality outside theirs (and never a site admin).
 */
export async function requireManagedUser(
  executor: Executor,
  actor: Actor,
  userId: number,
): Promise<{ user: typeof users.$inferSelect; places: { localityId: number }[] }> {
  const [user] = await executor.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) throw new NotFound('That active account');
  const places = await executor.select({ localityId: memberships.localityId }).from(memberships).where(eq(memberships.userId, userId));
  if (!actor.isSiteAdmin) {
    if (user.isSiteAdmin || places.length === 0) throw new Forbidden();
    for (const place of places) requireScope(actor, 'users.manage', place.localityId);
  }
  return { user, places };
}

/**
 * Disables an account and ends all of its sessions at once. A locality admin may disable only people who belong to
 * no locality outside theirs; a site admin may disable anyone but themselves.
 */
export async function disableUser(ctx: ServiceContext<Actor | null>, input: unknown): Promise<void> {
  const { actor } = ctx;
  const { userId } = parseInput(userIdInput, input);
  if (!actor) throw new Forbidden();
  if (actor.userId === userId) throw new Invalid('You cannot disable your own account.');
  await withTransaction(ctx, async ({ db: tx }) => {
    const { user, places } = await requireManagedUser(tx, actor, userId);
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    await endAllSessions(tx, userId);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: places[0]?.localityId ?? null,
      action: 'disable',
      entity: 'user',
      entityId: userId,
      before: { email: user.email, disabled: false },
      after: { email: user.email, disabled: true },
    });
  });
}

const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    newPassword: newPasswordField,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { message: 'Choose a password you have not been using.', path: ['newPassword'] });

/**
 * Changes one's own password and ends every other session of the account (a thief's included). The current
 * password is a guess like a sign-in, counted and slowed down by the same limits (attempt-limits.ts): a stolen
 * session cannot be used to try passwords faster than the sign-in page allows.
 */
export async function changeOwnPassword(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
  currentToken: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const { db: executor, actor } = ctx;
  if (!actor) throw new Forbidden();
  const data = parseInput(changePasswordInput, input);
  const attemptId = await takeAttempt(executor, { email: actor.email, ip }, now);
  const [user] = await executor.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    console.warn(`[abate] password change refused (wrong current password) for ${actor.email} from ${ip}`);
    throw new Invalid('Your current password is not right.', { currentPassword: ['Your current password is not right.'] });
  }
  await attemptSucceeded(executor, attemptId);
  const passwordHash = await hashPassword(data.newPassword);
  await withTransaction(ctx, async ({ db: tx }) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, actor.userId));
    await endAllSessions(tx, actor.userId, currentToken);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: null,
      action: 'change-password',
      entity: 'user',
      entityId: actor.userId,
    });
  });
}
