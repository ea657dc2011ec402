import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { localities, sessions, users } from '@/db/schema';
import { describeEachDriver, useTestDatabase } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { Forbidden, Invalid } from '@/lib/errors';
import { createUser } from './create-user';
import { changeOwnPassword, disableUser, setMembership } from './manage-users';
import { findActorBySession, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions';
import {
  delayAfter,
  FAILURE_WINDOW_MS,
  FREE_FAILURES_PER_ACCOUNT,
  FREE_FAILURES_PER_ADDRESS,
  MAX_DELAY_MS,
  pruneSignInRecords,
  TooManyAttempts,
} from './attempt-limits';
import { signIn } from './sign-in';

const PASSWORD = 'a long enough password';

describeEachDriver('accounts and sessions', (driver) => {
  const database = useTestDatabase(driver);
  let countyId: number;
  let otherCountyId: number;

  beforeAll(async () => {
    const rows = await database.db()
      .insert(localities)
      .values([
        { slug: 'a-county', name: 'A County', kind: 'county', stateCode: 'ZZ' },
        { slug: 'b-county', name: 'B County', kind: 'county', stateCode: 'ZZ' },
      ])
      .returning({ id: localities.id });
    countyId = rows[0]!.id;
    otherCountyId = rows[1]!.id;
    const db = database.db();
    await createUser(db, { email: 'site@x.org', password: PASSWORD, role: 'admin' }, null);
    await createUser(db, { email: 'admin@a.org', password: PASSWORD, role: 'admin', locality: 'a-county' }, null);
    await createUser(db, { email: 'editor@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    await createUser(db, { email: 'editor@b.org', password: PASSWORD, role: 'editor', locality: 'b-county' }, null);
    await createUser(db, { email: 'limited@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
  });

  it('stores passwords as argon2id at OWASP parameters and never in the clear', async () => {
    const [user] = await database.db().select().from(users).where(eq(users.email, 'editor@a.org'));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
  });

  it('gives a new random token at every sign-in and stores only its hash', async () => {
    const db = database.db();
    const first = await signIn(db, { email: 'EDITOR@a.org', password: PASSWORD }, '10.0.0.1');
    const second = await signIn(db, { email: 'editor@a.org', password: PASSWORD }, '10.0.0.1');
    expect(first.token).not.toBe(second.token);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(16);
    const stored = await db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(first.token)));
    expect(stored).toHaveLength(1);
    expect(await db.select().from(sessions).where(eq(sessions.tokenHash, first.token))).toHaveLength(0);
    expect((await findActorBySession(db, first.token))?.email).toBe('editor@a.org');
    expect(await findActorBySession(db, 'forged-token-of-22-chr')).toBeNull();
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    const db = database.db();
    const start = new Date('2030-01-01T08:00:00Z');
    const { token } = await signIn(db, { email: 'editor@a.org', password: PASSWORD }, '10.0.0.2', start);
    expect(await findActorBySession(db, token, new Date(start.getTime() + SESSION_IDLE_MS - 60_000))).not.toBeNull();
    expect(await findActorBySession(db, token, new Date(start.getTime() + 2 * SESSION_IDLE_MS))).toBeNull();

    const { token: busy } = await signIn(db, { email: 'editor@a.org', password: PASSWORD }, '10.0.0.2', start);
    // Keep it busy every 30 minutes: still ends at the absolute limit.
    for (let t = 30; t * 60_000 < SESSION_ABSOLUTE_MS; t += 30) {
      expect(await findActorBySession(db, busy, new Date(start.getTime() + t * 60_000))).not.toBeNull();
    }
    expect(await findActorBySession(db, busy, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();
  });

  /** One attempt, as a person sees it: signed in, wrong, or told to wait (how long). */
  async function guess(email: string, password: string, ip: string, at: Date): Promise<'signed in' | 'wrong' | number> {
    try {
      await signIn(database.db(), { email, password }, ip, at);
      return 'signed in';
    } catch (error) {
      if (error instanceof TooManyAttempts) return error.waitMs;
      if (error instanceof Invalid && error.message.includes('do not match')) return 'wrong';
      throw error;
    }
  }

  /** Guesses as fast as the limits let an attacker (waiting each time it is told to); returns the time after. */
  async function guessAsFastAsAllowed(email: string, failures: number, ip: (i: number) => string, from: Date): Promise<Date> {
    let at = from.getTime();
    for (let i = 0; i < failures; ) {
      const outcome = await guess(email, 'wrong password', ip(i), new Date(at));
      if (typeof outcome === 'number') at += outcome;
      else i += 1;
    }
    return new Date(at);
  }

  it('slows repeated failures to an account down, doubling the wait, and never locks it', async () => {
    const t0 = new Date('2031-01-01T08:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i += 1) expect(await guess('limited@a.org', 'wrong password', `10.1.0.${i}`, t0)).toBe('wrong');
    // Even the right password, from any new address, waits: it is not checked during the wait.
    expect(await guess('limited@a.org', PASSWORD, '10.1.1.1', t0)).toBe(1000);
    expect(await guess('limited@a.org', PASSWORD, '10.1.1.2', at(400))).toBe(600);
    expect(await guess('limited@a.org', 'wrong password', '10.1.1.3', at(1000))).toBe('wrong');
    expect(await guess('limited@a.org', 'wrong password', '10.1.1.4', at(1000))).toBe(2000);
    expect(await guess('limited@a.org', 'wrong password', '10.1.1.5', at(3000))).toBe('wrong');
    expect(await guess('limited@a.org', 'wrong password', '10.1.1.6', at(3000))).toBe(4000);
    await expect(signIn(database.db(), { email: 'limited@a.org', password: PASSWORD }, '10.1.1.7', at(3000))).rejects.toThrow(
      'Too many failed attempts. Wait 4 seconds and try again.',
    );
    // After the wait, the right password works: slowed down, not locked.
    expect(await guess('limited@a.org', PASSWORD, '10.1.1.8', at(7000))).toBe('signed in');
    // The wait stops growing at 15 minutes, and failures older than an hour are forgotten.
    expect(delayAfter(FREE_FAILURES_PER_ACCOUNT + 40, FREE_FAILURES_PER_ACCOUNT)).toBe(MAX_DELAY_MS);
    expect(await guess('limited@a.org', 'wrong password', '10.1.1.9', new Date(t0.getTime() + FAILURE_WINDOW_MS + 8000))).toBe('wrong');
  });

  it('counts unknown emails exactly like real accounts, so the limit tells nothing about who has one', async () => {
    const t0 = new Date('2031-01-02T08:00:00Z');
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i += 1) expect(await guess('nobody@a.org', 'wrong password', `10.6.0.${i}`, t0)).toBe('wrong');
    expect(await guess('nobody@a.org', 'wrong password', '10.6.1.1', t0)).toBe(1000);
  });

  it('does not let an attacker elsewhere keep the administrator out: the account’s wait spares addresses it signed in from', async () => {
    const t0 = new Date('2031-01-03T08:00:00Z');
    expect(await guess('site@x.org', PASSWORD, '192.0.2.10', t0)).toBe('signed in');
    // Someone guesses the administrator's password from many addresses, as fast as allowed, for a while.
    const after = await guessAsFastAsAllowed('site@x.org', 14, (i) => `198.51.100.${i}`, new Date(t0.getTime() + 60_000));
    const wait = await guess('site@x.org', PASSWORD, '198.51.100.99', after);
    expect(typeof wait === 'number' && wait >= 60_000).toBe(true);
    // The administrator, at the desk they signed in from, is not held up by it.
    expect(await guess('site@x.org', PASSWORD, '192.0.2.10', after)).toBe('signed in');
  });

  it('slows failures from one address down across accounts, whatever emails it tries', async () => {
    const t0 = new Date('2031-01-04T08:00:00Z');
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i += 1) {
      expect(await guess(`nobody${i}@x.org`, 'wrong password', '10.2.0.1', t0)).toBe('wrong');
    }
    expect(await guess('editor@a.org', PASSWORD, '10.2.0.1', t0)).toBe(1000);
    expect(await guess('editor@a.org', PASSWORD, '10.2.0.2', t0)).toBe('signed in');
  });

  it('counts simultaneous guesses before checking any password: forty at once get exactly the allowed number checked', async () => {
    const db = database.db();
    await createUser(db, { email: 'target@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    const t0 = new Date('2031-01-05T08:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => guess('target@a.org', i === 39 ? PASSWORD : `wrong password ${i}`, `10.10.${i}.1`, t0)),
    );
    expect(outcomes.filter((o) => o === 'wrong' || o === 'signed in')).toHaveLength(FREE_FAILURES_PER_ACCOUNT);
    expect(outcomes.filter((o) => typeof o === 'number')).toHaveLength(40 - FREE_FAILURES_PER_ACCOUNT);
    const [checked] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from sign_in_attempts where email = 'target@a.org'`);
    expect(checked!.n).toBe(FREE_FAILURES_PER_ACCOUNT);

    // And from one address, across accounts.
    const fromOne = await Promise.all(
      Array.from({ length: 40 }, (_, i) => guess(`crowd${i}@x.org`, 'wrong password', '10.11.0.1', new Date('2031-01-05T09:00:00Z'))),
    );
    expect(fromOne.filter((o) => o === 'wrong')).toHaveLength(FREE_FAILURES_PER_ADDRESS);
  });

  it('counts guesses at the current password when changing it, under the same limit as signing in', async () => {
    const db = database.db();
    await createUser(db, { email: 'stolen@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    const t0 = new Date('2031-01-06T08:00:00Z');
    const here = await signIn(db, { email: 'stolen@a.org', password: PASSWORD }, '10.12.0.1', t0);
    const actor = (await findActorBySession(db, here.token, t0))!;
    // Someone with the stolen session, elsewhere, guesses the current password.
    const change = (currentPassword: string, ip: string) =>
      changeOwnPassword({ db, actor }, { currentPassword, newPassword: 'a brand new password' }, here.token, ip, t0);
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i += 1) {
      await expect(change(`guess number ${i}`, '203.0.113.66')).rejects.toThrow('Your current password is not right.');
    }
    await expect(change(PASSWORD, '203.0.113.66')).rejects.toBeInstanceOf(TooManyAttempts);
    // The same count slows signing in to the account from elsewhere.
    expect(await guess('stolen@a.org', PASSWORD, '203.0.113.67', t0)).toBe(1000);
    // The owner, where they signed in, is not held up.
    await changeOwnPassword({ db, actor }, { currentPassword: PASSWORD, newPassword: 'a brand new password' }, here.token, '10.12.0.1', t0);
  });

  it('prunes expired sessions and attempts nobody needs any more', async () => {
    const db = database.db();
    const now = new Date('2031-02-01T08:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const day = 24 * 60 * 60 * 1000;
    await db.execute(sql`insert into sign_in_attempts (email, ip, succeeded, at) values
      ('prune@x.org', 'old-failure', false, ${ago(2 * day)}::timestamptz),
      ('prune@x.org', 'recent-failure', false, ${ago(day / 2)}::timestamptz),
      ('prune@x.org', 'known-address', true, ${ago(10 * day)}::timestamptz),
      ('prune@x.org', 'forgotten-address', true, ${ago(40 * day)}::timestamptz)`);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@a.org'));
    await db.insert(sessions).values([
      { userId: user!.id, tokenHash: 'expired', createdAt: new Date(ago(day)), lastSeenAt: new Date(ago(day)), expiresAt: new Date(ago(1000)) },
      { userId: user!.id, tokenHash: 'idle', createdAt: new Date(ago(3 * SESSION_IDLE_MS)), lastSeenAt: new Date(ago(2 * SESSION_IDLE_MS)), expiresAt: new Date(now.getTime() + 1000) },
      { userId: user!.id, tokenHash: 'live', createdAt: new Date(ago(1000)), lastSeenAt: new Date(ago(1000)), expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    ]);
    await pruneSignInRecords(db, now);
    const left = await queryRows<{ ip: string }>(db, sql`select ip from sign_in_attempts where email = 'prune@x.org' order by ip`);
    expect(left.map((row) => row.ip)).toEqual(['known-address', 'recent-failure']);
    const kept = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(sql`${sessions.tokenHash} in ('expired', 'idle', 'live')`);
    expect(kept.map((row) => row.tokenHash)).toEqual(['live']);
  });

  it('ends all sessions of a disabled user, and only admins of their localities may disable them', async () => {
    const db = database.db();
    const { token } = await signIn(db, { email: 'editor@b.org', password: PASSWORD }, '10.3.0.1');
    const localAdmin = (await findActorBySession(db, (await signIn(db, { email: 'admin@a.org', password: PASSWORD }, '10.3.0.2')).token))!;
    const [target] = await db.select().from(users).where(eq(users.email, 'editor@b.org'));
    await expect(disableUser({ db, actor: localAdmin }, { userId: target!.id })).rejects.toThrow(Forbidden);
    expect(await findActorBySession(db, token)).not.toBeNull();

    const siteAdmin = (await findActorBySession(db, (await signIn(db, { email: 'site@x.org', password: PASSWORD }, '10.3.0.3')).token))!;
    await disableUser({ db, actor: siteAdmin }, { userId: target!.id });
    expect(await findActorBySession(db, token)).toBeNull();
    await expect(signIn(db, { email: 'editor@b.org', password: PASSWORD }, '10.3.0.4')).rejects.toThrow(Invalid);
  });

  it('ends every other session when a password changes, keeping the current one', async () => {
    const db = database.db();
    await createUser(db, { email: 'changer@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    const elsewhere = await signIn(db, { email: 'changer@a.org', password: PASSWORD }, '10.4.0.1');
    const here = await signIn(db, { email: 'changer@a.org', password: PASSWORD }, '10.4.0.2');
    const actor = (await findActorBySession(db, here.token))!;
    await expect(changeOwnPassword({ db, actor }, { currentPassword: 'nope', newPassword: 'another long password' }, here.token, '10.4.0.2')).rejects.toThrow(
      'current password',
    );
    await changeOwnPassword({ db, actor }, { currentPassword: PASSWORD, newPassword: 'another long password' }, here.token, '10.4.0.2');
    expect(await findActorBySession(db, elsewhere.token)).toBeNull();
    expect(await findActorBySession(db, here.token)).not.toBeNull();
    await expect(signIn(db, { email: 'changer@a.org', password: 'another long password' }, '10.4.0.3')).resolves.toBeDefined();
  });

  it('lets a locality admin manage members of their locality only, with an audit row', async () => {
    const db = database.db();
    const admin = (await findActorBySession(db, (await signIn(db, { email: 'admin@a.org', password: PASSWORD }, '10.5.0.1')).token))!;
    await setMembership({ db, actor: admin }, { email: 'editor@b.org', localityId: countyId, role: 'reviewer' });
    await expect(setMembership({ db, actor: admin }, { email: 'editor@a.org', localityId: otherCountyId, role: 'editor' })).rejects.toThrow(Forbidden);
    const audit = (await db.execute(
      sql`select action, entity from audit_log where entity = 'membership' order by id`,
    )) as unknown as { rows: { action: string; entity: string }[] };
    expect(audit.rows).toEqual([{ action: 'create', entity: 'membership' }]);
  });
});
