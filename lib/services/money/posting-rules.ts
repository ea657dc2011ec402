/** Who may post receipts and payments, and what saving with "post" writes (shared by the money verbs and their imports). */
import { can, type Actor, type Verb } from '@/lib/auth/authorize';
import { Invalid } from '@/lib/errors';
import type { Executor } from '@/db/client';
import { postIntentField } from '../input-fields';
import { loadLocality, type LocalityForWrite } from '../record-refs';

/**
 * Who posts a locality's receipts and payments: the staff who write its money, or — when the locality asks for the
 * board's approval (`money_needs_approval`) — its oversight board, and never the person who recorded the line.
 */
export function postingScope(locality: Pick<LocalityForWrite, 'moneyNeedsApproval'>): Verb {
  return locality.moneyNeedsApproval ? 'allocation.decide' : 'money.write';
}

export function mayPost(actor: Actor | null, locality: Pick<LocalityForWrite, 'id' | 'moneyNeedsApproval'>): boolean {
  return can(actor, postingScope(locality), locality.id);
}

/** "Save and post" on a form: refused where the board posts, so the line stays a draft for it. */
export function checkPostOnSave(post: boolean, locality: Pick<LocalityForWrite, 'moneyNeedsApproval'>, noun: 'receipt' | 'payment'): void {
  if (post && locality.moneyNeedsApproval) {
    throw new Invalid(`This locality's board approves each ${noun} before it counts: save it as a draft, and a board member posts it.`);
  }
}

/** The columns a new row gets: posted now by `userId`, or a draft. */
export function postedNow(post: boolean, userId: number): { postedAt: Date | null; postedBy: number | null } {
  return post ? { postedAt: new Date(), postedBy: userId } : { postedAt: null, postedBy: null };
}

/**
 * Whether the save of an edited receipt or payment posts it, and its locality: "Save and post" on a draft posts it
 * with the edit (refused where the board posts), and a posted one stays posted.
 */
export async function postOnEdit(
  executor: Executor,
  input: unknown,
  existing: { localityId: number; postedAt: Date | null },
  noun: 'receipt' | 'payment',
): Promise<{ post: boolean; locality: LocalityForWrite }> {
  const post = postIntentField.parse((input as { intent?: unknown } | null)?.intent);
  const locality = await loadLocality(executor, existing.localityId);
  checkPostOnSave(post && !existing.postedAt, locality, noun);
  return { post, locality };
}
