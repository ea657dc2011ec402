import { sql } from 'drizzle-orm';
import { createUser } from '@/lib/auth/create-user';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/**
 * Demo accounts, stated in the README. They exist only on a database that holds the demo data; never create them
 * on a real installation.
 */
export const DEMO_USERS = [
  { email: 'admin@demo.abate.test', name: 'Demo Admin', password: 'demo-admin-password', role: 'admin' },
  {
    email: 'editor@demo.abate.test',
    name: 'Demo Editor (Cedarholm County)',
    password: 'demo-editor-password',
    role: 'editor',
    locality: 'cedarholm-county',
  },
  {
    email: 'reviewer@demo.abate.test',
    name: 'Demo Reviewer (Cedarholm County board)',
    password: 'demo-reviewer-password',
    role: 'reviewer',
    locality: 'cedarholm-county',
  },
  {
    email: 'editor.portwexley@demo.abate.test',
    name: 'Demo Editor (City of Port Wexley)',
    password: 'demo-editor-password',
    role: 'editor',
    locality: 'port-wexley',
  },
] as const;

export async function seedDemoUsers(executor: Executor): Promise<number> {
  let created = 0;
  for (const demoUser of DEMO_USERS) {
    const [existing] = await executor
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${demoUser.email}`);
    if (existing) continue;
    await createUser(executor, demoUser, null);
    created += 1;
  }
  return created;
}
