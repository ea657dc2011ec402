import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';

export interface StaffUserRow {
  id: number;
  email: string;
  name: string;
  isSiteAdmin: boolean;
  disabled: boolean;
  /** No password yet: the account was made with a set-password link nobody has used. */
  noPassword: boolean;
  memberships: { localityId: number; localityName: string; role: string }[];
}

/** People with a role in the given localities (or everyone, for a site admin), with their roles. */
export async function listStaffUsers(executor: Executor, scope: number[] | 'all'): Promise<StaffUserRow[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const inScope =
    scope === 'all' ? sql`true` : sql`m.locality_id in (${sql.join(scope.map((id) => sql`${id}`), sql`, `)})`;
  const rows = await queryRows<Omit<StaffUserRow, 'memberships'> & { memberships: StaffUserRow['memberships'] | null }>(
    executor,
    sql`select u.id, u.email, u.name, u.is_site_admin as "isSiteAdmin", u.disabled_at is not null as disabled,
          u.password_hash is null as "noPassword",
          coalesce(json_agg(json_build_object('localityId', m.locality_id, 'localityName', l.name, 'role', m.role)
            order by l.name) filter (where m.locality_id is not null), '[]'::json) as memberships
        from users u
        left join memberships m on m.user_id = u.id
        left join localities l on l.id = m.locality_id
        where ${scope === 'all' ? sql`true` : sql`exists (select 1 from memberships m where m.user_id = u.id and ${inScope})`}
        group by u.id order by u.email`,
  );
  return rows.map((r) => ({ ...r, memberships: r.memberships ?? [] }));
}
