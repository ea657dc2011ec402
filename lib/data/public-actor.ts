/**
 * Who acted, as a role only: public pages never show a person's name or e-mail address. One rule for every public
 * read of the audit log (a line's history, the board's decisions).
 */
import { sql } from 'drizzle-orm';

export type PublicActor = 'system' | 'site_admin' | 'admin' | 'editor' | 'reviewer' | 'staff';

export const PUBLIC_ACTOR_LABEL: Record<PublicActor, string> = {
  system: 'Abate (automatic)',
  site_admin: 'Site administrator',
  admin: 'Locality administrator',
  editor: 'Budget staff (editor)',
  reviewer: 'Oversight board member (reviewer)',
  staff: 'Staff member',
};

/**
 * The actor of audit row `h` as a PublicActor, by their role in the locality now. The query joins
 * `users u on u.id = h.user_id` and `memberships m on m.user_id = h.user_id and m.locality_id = <the locality>`;
 * someone who has since left the locality is 'staff'.
 */
export const PUBLIC_ACTOR_SQL = sql`case when h.user_id is null then 'system'
       when m.role is not null then m.role::text
       when u.is_site_admin then 'site_admin'
       else 'staff' end`;

export function toPublicActor(value: string): PublicActor {
  return value in PUBLIC_ACTOR_LABEL ? (value as PublicActor) : 'staff';
}
