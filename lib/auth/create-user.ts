import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { localities, memberships, users } from '@/db/schema';
import { Conflict, Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { hashPassword } from './password';
import { newPasswordField } from './password-rules';
import { insertSetupLink, type NewSetupLink } from './password-setup-links';
import { emitCreated, withTransaction } from '@/lib/services/context';

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(320),
    name: z.string().trim().max(200).default(''),
    /** Without one, the account gets a one-time set-password link instead (password-setup-links.ts). */
    password: newPasswordField.optional(),
    role: z.enum(['admin', 'editor', 'reviewer']),
    /** Locality slug; a role without a locality is only possible for admin (a site administrator). */
    locality: z.string().trim().min(1).optional(),
  })
  .refine((v) => v.role === 'admin' || v.locality !== undefined, {
    message: 'Editors and reviewers belong to a locality: give --locality SLUG.',
    path: ['locality'],
  });

/**
 * Creates an account. Used by `npm run user:create` (the first admin comes from the command line), the demo seed and
 * the People page; `actorUserId` is null when nobody is signed in (the command line). The caller authorizes. Without
 * a password, the account has none until the person uses the set-password link returned (made in the same
 * transaction).
 */
export async function createUser(
  executor: Executor,
  input: z.input<typeof createUserInput>,
  actorUserId: number | null,
  now = new Date(),
): Promise<{ userId: number; setupLink: NewSetupLink | null }> {
  const data = parseInput(createUserInput, input);
  const passwordHash = data.password === undefined ? null : await hashPassword(data.password);
  // The actor is who creates the account (null: the command line); this verb keeps its own argument order, used by
  // the command line, the demo seed and the People page.
  return withTransaction({ db: executor, actor: actorUserId }, async ({ db: tx }) => {
    let localityId: number | null = null;
    if (data.locality) {
      const [locality] = await tx.select({ id: localities.id }).from(localities).where(sql`${localities.slug} = ${data.locality}`);
      if (!locality) throw new Invalid(`No locality has the slug "${data.locality}".`, { locality: ['Unknown locality.'] });
      localityId = locality.id;
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${data.email}`);
    if (existing) throw new Conflict(`An account for ${data.email} already exists.`);
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, isSiteAdmin: data.role === 'admin' && localityId === null })
      .returning({ id: users.id });
    if (!user) throw new Error('user was not created');
    if (localityId !== null) await tx.insert(memberships).values({ userId: user.id, localityId, role: data.role });
    const after = { email: data.email, name: data.name, role: data.role, locality: data.locality ?? null };
    await emitCreated(tx, actorUserId, { localityId, entity: 'user', entityId: user.id, after });
    const setupLink = passwordHash === null ? await insertSetupLink(tx, { id: user.id, email: data.email, localityId }, actorUserId, now) : null;
    return { userId: user.id, setupLink };
  });
}
