import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localities, sessions, users } from '@/db/schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { Forbidden, Invalid } from '@/lib/errors';
import { createUser } from './create-user';
import { changeOwnPassword, disableUser, setMembership } from './manage-users';
import { findActorBySession, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, signIn } from './sign-in';

const PASSWORD = 'a long enough password';

describeEachDriver('accounts and sessions', (driver) => {
  let database: TestDatabase;
  let countyId: number;
  let otherCountyId: number;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const rows = await database.handle.db
      .insert(localities)
      .values([
        { slug: 'a-county', name: 'A County', kind: 'county', stateCode: 'ZZ' },
        { slug: 'b-county', name: 'B County', kind: 'county', stateCode: 'ZZ' },
      ])
      .returning({ id: localities.id });
    countyId = rows[0]!.id;
    otherCountyId = rows[1]!.id;
    const db = database.handle.db;
    await createUser(db, { email: 'site@x.org', password: PASSWORD, role: 'admin' }, null);
    await createUser(db, { email: 'admin@a.org', password: PASSWORD, role: 'admin', locality: 'a-county' }, null);
    await createUser(db, { email: 'editor@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    await createUser(db, { email: 'editor@b.org', password: PASSWORD, role: 'editor', locality: 'b-county' }, null);
    await createUser(db, { email: 'limited@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
  });
  afterAll(() => database?.drop());

  it('stores passwords as argon2id at OWASP parameters and never in the clear', async () => {
    const [user] = await database.handle.db.select().from(users).where(eq(users.email, 'editor@a.org'));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
  });

  it('gives a new random token at every sign-in and stores only its hash', async () => {
    const db = database.handle.db;
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
    const db = database.handle.db;
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

  it('limits failed sign-ins per account and per address', async () => {
    const db = database.handle.db;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await expect(signIn(db, { email: 'limited@a.org', password: 'wrong password' }, `10.1.0.${i}`)).rejects.toThrow(
        'do not match',
      );
    }
    // Even the right password is refused now, from any address.
    await expect(signIn(db, { email: 'limited@a.org', password: PASSWORD }, '10.9.9.9')).rejects.toThrow('Too many failed');

    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
      await signIn(db, { email: `nobody${i}@x.org`, password: 'wrong password' }, '10.2.0.1').catch(() => undefined);
    }
    await expect(signIn(db, { email: 'editor@a.org', password: PASSWORD }, '10.2.0.1')).rejects.toThrow('Too many failed');
    await expect(signIn(db, { email: 'editor@a.org', password: PASSWORD }, '10.2.0.2')).resolves.toBeDefined();
  });

  it('ends all sessions of a disabled user, and only admins of their localities may disable them', async () => {
    const db = database.handle.db;
    const { token } = await signIn(db, { email: 'editor@b.org', password: PASSWORD }, '10.3.0.1');
    const localAdmin = (await findActorBySession(db, (await signIn(db, { email: 'admin@a.org', password: PASSWORD }, '10.3.0.2')).token))!;
    const [target] = await db.select().from(users).where(eq(users.email, 'editor@b.org'));
    await expect(disableUser(db, localAdmin, { userId: target!.id })).rejects.toThrow(Forbidden);
    expect(await findActorBySession(db, token)).not.toBeNull();

    const siteAdmin = (await findActorBySession(db, (await signIn(db, { email: 'site@x.org', password: PASSWORD }, '10.3.0.3')).token))!;
    await disableUser(db, siteAdmin, { userId: target!.id });
    expect(await findActorBySession(db, token)).toBeNull();
    await expect(signIn(db, { email: 'editor@b.org', password: PASSWORD }, '10.3.0.4')).rejects.toThrow(Invalid);
  });

  it('ends every other session when a password changes, keeping the current one', async () => {
    const db = database.handle.db;
    await createUser(db, { email: 'changer@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    const elsewhere = await signIn(db, { email: 'changer@a.org', password: PASSWORD }, '10.4.0.1');
    const here = await signIn(db, { email: 'changer@a.org', password: PASSWORD }, '10.4.0.2');
    const actor = (await findActorBySession(db, here.token))!;
    await expect(changeOwnPassword(db, actor, { currentPassword: 'nope', newPassword: 'another long password' }, here.token)).rejects.toThrow(
      'current password',
    );
    await changeOwnPassword(db, actor, { currentPassword: PASSWORD, newPassword: 'another long password' }, here.token);
    expect(await findActorBySession(db, elsewhere.token)).toBeNull();
    expect(await findActorBySession(db, here.token)).not.toBeNull();
    await expect(signIn(db, { email: 'changer@a.org', password: 'another long password' }, '10.4.0.3')).resolves.toBeDefined();
  });

  it('lets a locality admin manage members of their locality only, with an audit row', async () => {
    const db = database.handle.db;
    const admin = (await findActorBySession(db, (await signIn(db, { email: 'admin@a.org', password: PASSWORD }, '10.5.0.1')).token))!;
    await setMembership(db, admin, { email: 'editor@b.org', localityId: countyId, role: 'reviewer' });
    await expect(setMembership(db, admin, { email: 'editor@a.org', localityId: otherCountyId, role: 'editor' })).rejects.toThrow(Forbidden);
    const audit = (await db.execute(
      sql`select action, entity from audit_log where entity = 'membership' order by id`,
    )) as unknown as { rows: { action: string; entity: string }[] };
    expect(audit.rows).toEqual([{ action: 'create', entity: 'membership' }]);
  });
});
