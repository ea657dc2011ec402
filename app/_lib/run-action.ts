import 'server-only';
import type { Database } from '@/db/client';
import { getDb } from '@/db/runtime';
import type { Actor } from '@/lib/auth/authorize';
import { getRequestActor } from '@/app/_lib/request-actor';
import { toActionFailure, type ActionResult } from '@/lib/errors';

/** The context of the lib/ verb the action calls (a ServiceContext, lib/services/context.ts): who asks, and where. */
export interface ActionContext {
  db: Database;
  /** null when nobody is signed in: the lib/ verb decides, with requireScope, whether that is allowed. */
  actor: Actor | null;
}

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
