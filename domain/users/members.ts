import type { Knex } from 'knex';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { Member, MemberRole } from './types';

/** A member as the query below selects it. */
interface MemberRow {
  id: string;
  email: string;
  role: MemberRole;
  created_at: Date;
  last_login_at: Date | null;
  has_password: boolean;
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  email: r.email,
  role: r.role,
  joinedAt: r.created_at,
  lastLoginAt: r.last_login_at,
  hasPassword: r.has_password,
});

/** The tenant's members as one derived table (`members`), so paging sorts on its plain columns. */
const membersOf = (db: Knex, tenantId: string) =>
  db
    .from(
      db('memberships as m')
        .join('users as u', 'u.id', 'm.user_id')
        .where('m.tenant_id', tenantId)
        .select('u.id', 'u.email', 'm.role', 'm.created_at', 'u.last_login_at', db.raw('u.password_hash IS NOT NULL AS has_password'))
        .as('members'),
    )
    .select();

/** A tenant's members, paged by the time they joined. */
export async function listMembers(db: Knex, tenantId: string, page: PageRequest): Promise<Page<Member>> {
  const result = await fetchPage<MemberRow>(membersOf(db, tenantId), { expression: 'created_at' }, page);
  return { data: result.data.map(toMember), pagination: result.pagination };
}

/** One member of a tenant, or undefined when the user is not one (another tenant's people included). */
export async function findMember(db: Knex, tenantId: string, userId: string): Promise<Member | undefined> {
  const row = await membersOf(db, tenantId).where('members.id', userId).first<MemberRow | undefined>();
  return row ? toMember(row) : undefined;
}
