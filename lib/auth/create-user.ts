import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { localities, memberships, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(320),
    name: z.string().trim().max(200).default(''),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024, 'That password is too long.'),
    role: z.enum(['admin', 'editor', 'reviewer']),
    /** Locality slug; a role without a locality is only possible for admin (a site administrator). */
    locality: z.string().trim().min(1).optional(),
  })
  .refine((v) => v.role === 'admin' || v.locality !== undefined, {
    message: 'Editors and reviewers belong to a locality: give --locality SLUG.',
    path: ['locality'],
  });

/**
 * Creates an account. Used by `npm run user:create` (the first admin comes from the command line) and the demo
 * seed; `actorUserId` is null when nobody is signed in (the command line).
 */
export async function createUser(
  executor: Executor,
  input: z.input<typeof createUserInput>,
  actorUserId: number | null,
): Promise<{ userId: number }> {
  const data = parseInput(createUserInput, input);
  const passwordHash = await hashPassword(data.password);
  return executor.transaction(async (tx) => {
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
    await recordAudit(tx, {
      userId: actorUserId,
      localityId,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      after: { email: data.email, name: data.name, role: data.role, locality: data.locality ?? null },
    });
    return { userId: user.id };
  });
}
