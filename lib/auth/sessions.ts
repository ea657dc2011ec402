import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, sessions, users } from '@/db/schema';
import type { Actor, Role } from './authorize';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000; // two hours without a request ends a session
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // no session outlives a working day
const TOUCH_EVERY_MS = 60 * 1000;

/** 128 random bits; only their SHA-256 is stored, so a copy of the database holds no usable token. */
export function newSessionToken(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(executor: Executor, userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await executor.insert(sessions).values({ userId, tokenHash: hashToken(token), createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The person behind a session token, or null when the session is unknown, idle too long, expired or disabled. */
export async function findActorBySession(executor: Executor, token: string, now = new Date()): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const [row] = await executor
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      isSiteAdmin: users.isSiteAdmin,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return loadActor(executor, row);
}

export async function loadActor(
  executor: Executor,
  user: { userId: number; email: string; name: string; isSiteAdmin: boolean },
): Promise<Actor> {
  const roles = await executor
    .select({ localityId: memberships.localityId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.userId));
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    isSiteAdmin: user.isSiteAdmin,
    memberships: new Map(roles.map((r) => [r.localityId, r.role as Role])),
  };
}

export async function endSession(executor: Executor, token: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user (disabled account, changed password), optionally keeping the current one. */
export async function endAllSessions(executor: Executor, userId: number, exceptToken?: string): Promise<void> {
  await executor
    .delete(sessions)
    .where(
      exceptToken
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${hashToken(exceptToken)}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(executor: Executor, now = new Date()): Promise<void> {
  await executor
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}
