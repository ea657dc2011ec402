import 'server-only';
import type { Database } from '@/db/client';
import { getDb } from '@/db/runtime';
import type { Actor } from '@/lib/auth/authorize';
import { getRequestActor } from '@/app/_lib/request-actor';
import { toActionFailure, type ActionResult } from '@/lib/errors';
import type { ServiceContext } from '@/lib/services/context';

/**
 * The context of the lib/ verb the action calls: who asks (null when nobody is signed in: the verb decides, with
 * requireScope, whether that is allowed) and the database, never a transaction (the verb opens its own).
 */
export type ActionContext = ServiceContext<Actor | null> & { readonly db: Database };

/**
 * The edge of every server action: finds who is asking, runs the lib/ verb, and turns typed errors into a result
 * a form can show. The verb itself checks the role and locality, validates with zod and writes in a transaction.
 */
export async function runAction<T>(verb: (context: ActionContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const [db, actor] = await Promise.all([getDb(), getRequestActor()]);
    return { ok: true, data: await verb({ db, actor }) };
  } catch (error) {
    return toActionFailure(error);
  }
}
