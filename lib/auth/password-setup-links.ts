/**
 * One-time set-password links (issue 15). An administrator adding a person, or asking for a new link for someone,
 * gets a link to hand over; the person opens it without signing in, chooses a password and is signed in.
 *
 * - The token is 32 random bytes (base64url); only its SHA-256 is stored, so a copy of the database opens nothing.
 *   The administrator sees the link once, when it is made.
 * - A link works once and for 72 hours. A newer link for the same person deletes their unused older ones.
 * - An unknown, replaced, expired or used link gets a message that names nobody.
 * - Using a link counts as an attempt (attempt-limits.ts), per token and per address, like a sign-in: a guessed
 *   token is hopeless anyway (256 bits), but an address sending many still slows down. Opening the page only reads.
 */
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { memberships, passwordSetupLinks, users } from '@/db/schema';
import { emitAudit, emitCreated, withTransaction, type ServiceContext, type ServiceTransaction } from '@/lib/services/context';
import { Forbidden, Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { attemptSucceeded, takeAttempt } from './attempt-limits';
import type { Actor } from './authorize';
import { requireManagedUser, userIdInput } from './manage-users';
import { hashPassword } from './password';
import { newPasswordField } from './password-rules';
import { createSession, endAllSessions, hashToken } from './sessions';

export const PASSWORD_SETUP_LINK_MS = 72 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path of a link; the page that shows it to the administrator puts this site's address in front. */
export function setupLinkPath(token: string): string {
  return `/set-password/${token}`;
}

export type SetupLinkProblem = 'unknown' | 'expired' | 'used';

const PROBLEM_MESSAGES: Record<SetupLinkProblem, string> = {
  unknown:
    'This set-password link does not work. It may be incomplete, or a newer link has replaced it. Ask your administrator for a new link.',
  expired: 'This set-password link has expired (links last 72 hours). Ask your administrator for a new link.',
  used: 'This set-password link has already been used. Sign in with the password you chose, or ask your administrator for a new link.',
};

/** The link cannot be used; the message says why, and nothing about whose it was. */
export class SetupLinkUnusable extends Invalid {
  constructor(readonly problem: SetupLinkProblem) {
    super(PROBLEM_MESSAGES[problem]);
  }
}

export interface NewSetupLink {
  token: string;
  expiresAt: Date;
}

/**
 * Makes a link for `user` inside the caller's transaction, after its authorization: deletes the person's unused
 * older links, stores the new one's hash and writes the audit row (never the token).
 */
export async function insertSetupLink(
  tx: ServiceTransaction,
  user: { id: number; email: string; localityId: number | null },
  createdBy: number | null,
  now = new Date(),
): Promise<NewSetupLink> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_SETUP_LINK_MS);
  await tx.delete(passwordSetupLinks).where(and(eq(passwordSetupLinks.userId, user.id), isNull(passwordSetupLinks.usedAt)));
  const [link] = await tx
    .insert(passwordSetupLinks)
    .values({ userId: user.id, tokenHash: hashToken(token), createdBy, createdAt: now, expiresAt })
    .returning({ id: passwordSetupLinks.id });
  const after = { userId: user.id, email: user.email, expiresAt: expiresAt.toISOString() };
  await emitCreated(tx, createdBy, { localityId: user.localityId, entity: 'password_setup_link', entityId: link!.id, after });
  return { token, expiresAt };
}

/** A new link for an existing, active person ("New set-password link"); the administrators who may disable them. */
export async function createPasswordSetupLink(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
  now = new Date(),
): Promise<NewSetupLink & { email: string }> {
  const { actor } = ctx;
  const { userId } = parseInput(userIdInput, input);
  if (!actor) throw new Forbidden();
  // One's own password is changed on the account page, which asks for the current one.
  if (actor.userId === userId) throw new Invalid('Change your own password on your account page.');
  return withTransaction(ctx, async ({ db: tx }) => {
    const { user, places } = await requireManagedUser(tx, actor, userId);
    const link = await insertSetupLink(tx, { id: user.id, email: user.email, localityId: places[0]?.localityId ?? null }, actor.userId, now);
    return { ...link, email: user.email };
  });
}

interface LinkRow {
  id: number;
  userId: number;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  disabledAt: Date | null;
}

async function findLink(executor: Executor, token: string, forUpdate: boolean): Promise<LinkRow | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const query = executor
    .select({
      id: passwordSetupLinks.id,
      userId: passwordSetupLinks.userId,
      email: users.email,
      expiresAt: passwordSetupLinks.expiresAt,
      usedAt: passwordSetupLinks.usedAt,
      disabledAt: users.disabledAt,
    })
    .from(passwordSetupLinks)
    .innerJoin(users, eq(users.id, passwordSetupLinks.userId))
    .where(eq(passwordSetupLinks.tokenHash, hashToken(token)));
  const [row] = forUpdate ? await query.for('update', { of: passwordSetupLinks }) : await query;
  return row ?? null;
}

function problemOf(link: LinkRow | null, now: Date): SetupLinkProblem | null {
  // A disabled account's link is as dead as an unknown one, and says so in the same words.
  if (!link || link.disabledAt !== null) return 'unknown';
  if (link.usedAt !== null) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** What the set-password page shows: the form (with the account's email) or why the link cannot be used. */
export async function checkPasswordSetupLink(
  executor: Executor,
  token: string,
  now = new Date(),
): Promise<{ ok: true; email: string } | { ok: false; problem: SetupLinkProblem; message: string }> {
  const link = await findLink(executor, token, false);
  const problem = problemOf(link, now);
  return problem ? { ok: false, problem, message: PROBLEM_MESSAGES[problem] } : { ok: true, email: link!.email };
}

const setPasswordInput = z
  .object({
    token: z.string().max(100),
    password: newPasswordField,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords are not the same.', path: ['confirm'] });

/**
 * Sets the password of the link's account, uses the link up, ends the account's other sessions and opens a new one.
 * `ip` is the client's address as getClientIp finds it.
 */
export async function setPasswordWithLink(
  executor: Executor,
  input: unknown,
  ip: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const data = parseInput(setPasswordInput, input);
  const attemptId = await takeAttempt(executor, { email: `set-password-link:${hashToken(data.token).slice(0, 16)}`, ip }, now);
  const early = problemOf(await findLink(executor, data.token, false), now);
  if (early) throw new SetupLinkUnusable(early);
  // Hashed outside the transaction: argon2 takes a while, and the row lock below should not wait for it.
  const passwordHash = await hashPassword(data.password);
  // Nobody is signed in: the link is the authority, and the audit row names the link's account.
  const userId = await withTransaction({ db: executor, actor: null }, async ({ db: tx }) => {
    // Locked and checked again: two tabs sending the same link at once set one password, not two.
    const link = await findLink(tx, data.token, true);
    const problem = problemOf(link, now);
    if (problem || !link) throw new SetupLinkUnusable(problem ?? 'unknown');
    await tx.update(passwordSetupLinks).set({ usedAt: now }).where(eq(passwordSetupLinks.id, link.id));
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, link.userId));
    await endAllSessions(tx, link.userId);
    const [place] = await tx
      .select({ localityId: memberships.localityId })
      .from(memberships)
      .where(eq(memberships.userId, link.userId))
      .orderBy(sql`${memberships.localityId}`)
      .limit(1);
    await emitAudit(tx, {
      userId: link.userId,
      localityId: place?.localityId ?? null,
      action: 'set_password',
      entity: 'user',
      entityId: link.userId,
      after: { email: link.email, with: 'password-setup-link', linkId: link.id },
    });
    return link.userId;
  });
  await attemptSucceeded(executor, attemptId);
  const session = await createSession(executor, userId, now);
  return { ...session, userId };
}
