import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localities, passwordSetupLinks, users } from '@/db/schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { Forbidden, Invalid } from '@/lib/errors';
import type { Actor } from './authorize';
import { createUser } from './create-user';
import { checkPasswordSetupLink, createPasswordSetupLink, PASSWORD_SETUP_LINK_MS, setPasswordWithLink } from './password-setup-links';
import { findActorBySession, hashToken, loadActor } from './sessions';
import { signIn } from './sign-in';

const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'my very own new password';
const T0 = new Date('2032-03-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachDriver('one-time set-password links', (driver) => {
  let database: TestDatabase;
  let siteAdmin: Actor;
  let countyAdmin: Actor;
  let editor: Actor;

  const actorFor = async (email: string) => {
    const [user] = await database.handle.db.select().from(users).where(eq(users.email, email));
    return loadActor(database.handle.db, { userId: user!.id, email: user!.email, name: user!.name, isSiteAdmin: user!.isSiteAdmin });
  };
  const newPerson = async (email: string, locality = 'a-county') => {
    const created = await createUser(database.handle.db, { email, role: 'editor', locality }, siteAdmin.userId, T0);
    return { userId: created.userId, token: created.setupLink!.token };
  };
  // Each use from its own address: the tests move the clock back and forth, and the attempt limits would see it.
  let address = 0;
  const use = (token: string, when: Date, password = NEW_PASSWORD) =>
    setPasswordWithLink(database.handle.db, { token, password, confirm: password }, `10.40.${(address += 1)}.1`, when);
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    return (error as Invalid).message;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const db = database.handle.db;
    await db.insert(localities).values([
      { slug: 'a-county', name: 'A County', kind: 'county', stateCode: 'ZZ' },
      { slug: 'b-county', name: 'B County', kind: 'county', stateCode: 'ZZ' },
    ]);
    await createUser(db, { email: 'site@x.org', password: PASSWORD, role: 'admin' }, null);
    await createUser(db, { email: 'admin@a.org', password: PASSWORD, role: 'admin', locality: 'a-county' }, null);
    await createUser(db, { email: 'editor@a.org', password: PASSWORD, role: 'editor', locality: 'a-county' }, null);
    siteAdmin = await actorFor('site@x.org');
    countyAdmin = await actorFor('admin@a.org');
    editor = await actorFor('editor@a.org');
  });
  afterAll(() => database?.drop());

  it('makes a link with a new account: 32 random bytes, only their SHA-256 stored, 72 hours, no password until used', async () => {
    const db = database.handle.db;
    const { userId, token } = await newPerson('new@a.org');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [link] = await db.select().from(passwordSetupLinks).where(eq(passwordSetupLinks.userId, userId));
    expect(link!.tokenHash).toBe(hashToken(token));
    expect(link!.tokenHash).not.toContain(token);
    expect(link!.createdBy).toBe(siteAdmin.userId);
    expect(link!.expiresAt.getTime() - T0.getTime()).toBe(PASSWORD_SETUP_LINK_MS);
    expect(PASSWORD_SETUP_LINK_MS).toBe(72 * 60 * 60 * 1000);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user!.passwordHash).toBeNull();
    expect(await checkPasswordSetupLink(db, token, T0)).toEqual({ ok: true, email: 'new@a.org' });
  });

  it('sets the password once and signs the person in; the same link again says it was used', async () => {
    const db = database.handle.db;
    const { userId, token } = await newPerson('once@a.org');
    const session = await use(token, at(1000));
    expect((await findActorBySession(db, session.token, at(2000)))?.email).toBe('once@a.org');
    expect((await signIn(db, { email: 'once@a.org', password: NEW_PASSWORD }, '10.40.0.2', at(3000))).userId).toBe(userId);

    expect(await refusal(use(token, at(4000), 'someone else’s password'))).toMatch(/already been used/);
    expect(await checkPasswordSetupLink(db, token, at(4000))).toMatchObject({ ok: false, problem: 'used' });
    // The password is still the one chosen with the link.
    expect((await signIn(db, { email: 'once@a.org', password: NEW_PASSWORD }, '10.40.0.2', at(5000))).userId).toBe(userId);
  });

  it('works until 72 hours have passed, and not at 72 hours', async () => {
    const db = database.handle.db;
    const late = await newPerson('late@a.org');
    expect(await checkPasswordSetupLink(db, late.token, at(PASSWORD_SETUP_LINK_MS))).toMatchObject({ ok: false, problem: 'expired' });
    expect(await refusal(use(late.token, at(PASSWORD_SETUP_LINK_MS)))).toMatch(/expired/);
    const inTime = await newPerson('intime@a.org');
    await use(inTime.token, at(PASSWORD_SETUP_LINK_MS - 1000));
  });

  it('a newer link for the same person voids the older one', async () => {
    const db = database.handle.db;
    const { userId, token: first } = await newPerson('twice@a.org');
    const second = await createPasswordSetupLink({ db, actor: countyAdmin }, { userId }, at(1000));
    expect(second.email).toBe('twice@a.org');
    const message = await refusal(use(first, at(2000)));
    expect(message).toMatch(/does not work/);
    expect(message).not.toContain('twice@a.org');
    await use(second.token, at(3000));
  });

  it('tells nothing about whose link an unknown, replaced or malformed one was', async () => {
    const db = database.handle.db;
    for (const token of ['x'.repeat(43), 'short', '']) {
      const answer = await checkPasswordSetupLink(db, token, T0);
      expect(answer).toMatchObject({ ok: false, problem: 'unknown' });
    }
  });

  it('lets only administrators who manage the person make a link, and nobody for their own account', async () => {
    const db = database.handle.db;
    const { userId } = await newPerson('managed@a.org');
    const other = await newPerson('other@b.org', 'b-county');
    const linksBefore = await db.select().from(passwordSetupLinks);
    await expect(createPasswordSetupLink({ db, actor: editor }, { userId }, T0)).rejects.toBeInstanceOf(Forbidden);
    await expect(createPasswordSetupLink({ db, actor: null }, { userId }, T0)).rejects.toBeInstanceOf(Forbidden);
    await expect(createPasswordSetupLink({ db, actor: countyAdmin }, { userId: other.userId }, T0)).rejects.toBeInstanceOf(Forbidden);
    await expect(createPasswordSetupLink({ db, actor: countyAdmin }, { userId: siteAdmin.userId }, T0)).rejects.toBeInstanceOf(Forbidden);
    await expect(createPasswordSetupLink({ db, actor: countyAdmin }, { userId: countyAdmin.userId }, T0)).rejects.toBeInstanceOf(Invalid);
    expect(await db.select().from(passwordSetupLinks)).toEqual(linksBefore);
    await createPasswordSetupLink({ db, actor: siteAdmin }, { userId: other.userId }, T0);
  });

  it('writes an audit row for the link and for the password set, without the token', async () => {
    const db = database.handle.db;
    const { userId, token } = await newPerson('audited@a.org');
    await use(token, at(1000));
    const rows = await queryRows<{ action: string; entity: string; user_id: number | null; text: string }>(
      db,
      sql`select action, entity, user_id, (coalesce(before::text, '') || coalesce(after::text, '') || entity_id) as text
          from audit_log where (entity = 'password_setup_link' and after->>'userId' = ${String(userId)})
             or (entity = 'user' and entity_id = ${String(userId)}) order by id`,
    );
    expect(rows.map((r) => `${r.action} ${r.entity}`)).toEqual(['create user', 'create password_setup_link', 'set_password user']);
    expect(rows[1]!.user_id).toBe(siteAdmin.userId);
    expect(rows[2]!.user_id).toBe(userId);
    for (const row of rows) {
      expect(row.text).not.toContain(token);
      expect(row.text).not.toContain(hashToken(token));
    }
  });

  it('refuses a link of a disabled account in the same words as an unknown one, and a short or mismatched password', async () => {
    const db = database.handle.db;
    const short = await newPerson('short@a.org');
    expect(await refusal(use(short.token, at(1000), 'too short'))).toBeTruthy();
    expect(
      await refusal(setPasswordWithLink(db, { token: short.token, password: NEW_PASSWORD, confirm: 'not the same one' }, '10.40.0.3', at(1000))),
    ).toBeTruthy();
    await db.update(users).set({ disabledAt: T0 }).where(eq(users.id, short.userId));
    expect(await checkPasswordSetupLink(db, short.token, at(2000))).toMatchObject({ ok: false, problem: 'unknown' });
  });
});
