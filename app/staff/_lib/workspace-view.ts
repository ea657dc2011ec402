// Pure shaping for the staff workspace (home and locality pages): what each person has to do, from the counts of
// lines in each state and what their role lets them do (decided by lib/auth/authorize.ts, passed in as booleans).

export interface WorkLink {
  text: string;
  href: string;
}

export interface LocalityWorkInput {
  slug: string;
  drafts: number;
  submitted: number;
  returned: number;
  /** Receipts and payments not yet posted; 0 when not known. */
  draftReceipts?: number;
  draftPayments?: number;
  /** mayPost(actor, locality) (lib/services/money/post.ts): who may post them. */
  mayPost?: boolean;
  /** The locality's board posts its receipts and payments, from the review page. */
  moneyNeedsApproval?: boolean;
  /** can(actor, 'allocation.submit', locality): editors and administrators. */
  maySubmit: boolean;
  /** can(actor, 'allocation.decide', locality): the oversight board. */
  mayDecide: boolean;
}

export interface LocalityWork {
  /** Links to the filtered lists, in the order to do them; empty when nothing waits. */
  todo: WorkLink[];
  /** Said when nothing waits on this person. */
  nothing: string | null;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 drafts to submit, 1 returned line to fix" for an editor; "2 lines await your review" for a reviewer. */
export function localityWork(input: LocalityWorkInput): LocalityWork {
  const base = `/staff/l/${input.slug}`;
  const todo: WorkLink[] = [];
  if (input.mayDecide && input.submitted > 0) {
    todo.push({
      text: `${count(input.submitted, 'line awaits', 'lines await')} your review`,
      href: `${base}/review`,
    });
  }
  if (input.maySubmit && input.drafts > 0) {
    todo.push({ text: `${count(input.drafts, 'draft', 'drafts')} to submit`, href: `${base}/allocations?status=draft` });
  }
  if (input.maySubmit && input.returned > 0) {
    todo.push({
      text: `${count(input.returned, 'returned line', 'returned lines')} to fix`,
      href: `${base}/allocations?status=returned`,
    });
  }
  const draftMoney = (input.draftReceipts ?? 0) + (input.draftPayments ?? 0);
  if (input.mayPost && input.moneyNeedsApproval && draftMoney > 0) {
    // The board posts them from its review page, receipts and payments together.
    const parts = [
      (input.draftReceipts ?? 0) > 0 ? count(input.draftReceipts ?? 0, 'receipt', 'receipts') : null,
      (input.draftPayments ?? 0) > 0 ? count(input.draftPayments ?? 0, 'payment', 'payments') : null,
    ].filter((part): part is string => part !== null);
    todo.push({ text: `${parts.join(' and ')} ${draftMoney === 1 ? 'awaits' : 'await'} posting`, href: `${base}/review#money-awaiting-posting` });
  }
  if (input.mayPost && !input.moneyNeedsApproval && (input.draftReceipts ?? 0) > 0) {
    todo.push({ text: `${count(input.draftReceipts ?? 0, 'draft receipt', 'draft receipts')} to post`, href: `${base}/receipts?posting=draft` });
  }
  if (input.mayPost && !input.moneyNeedsApproval && (input.draftPayments ?? 0) > 0) {
    todo.push({ text: `${count(input.draftPayments ?? 0, 'draft payment', 'draft payments')} to post`, href: `${base}/expenditures?posting=draft` });
  }
  if (todo.length > 0) return { todo, nothing: null };
  if (input.mayDecide) {
    return { todo, nothing: input.moneyNeedsApproval ? 'No lines await your review, and no receipts or payments await posting.' : 'No lines await your review.' };
  }
  if (input.maySubmit) return { todo, nothing: 'No drafts to submit and no returned lines to fix.' };
  return { todo, nothing: null };
}

/** The workspace's opening sentence, for what the person does in most of their localities. */
export function workspaceLede(roles: { mayWrite: boolean; mayDecide: boolean; siteAdmin?: boolean }): string {
  if (roles.siteAdmin) {
    return 'Add people and localities, and see what waits in every locality: drafts to submit, lines to fix, lines for the board.';
  }
  if (roles.mayWrite && roles.mayDecide) {
    return 'Record money, submit lines for review, and review the lines submitted to your board.';
  }
  if (roles.mayWrite) {
    return 'Record what your locality received, allocated and spent, submit lines for review, and import your spreadsheet.';
  }
  if (roles.mayDecide) {
    return 'Review the lines your locality’s staff submit: approve them for the public pages, or return them with a reason.';
  }
  return 'Read the allocations, receipts and spending of your locality and their history.';
}

/** The administrator's links, shown first: the people and localities they run. */
export function adminLinks(admin: { manageUsers: boolean; siteAdmin: boolean }): WorkLink[] {
  const links: WorkLink[] = [];
  if (admin.manageUsers) links.push({ text: 'People and roles', href: '/staff/users' });
  if (admin.siteAdmin) links.push({ text: 'Localities: add or edit', href: '/staff/localities' });
  return links;
}
