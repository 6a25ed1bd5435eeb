import {
  api,
  checkOwnershipTransfer,
  checkRemoval,
  checkRoleChange,
  type Member,
  type Role,
} from '@billingone/settings-core';
import { enforceTeamRule as enforce, keysetPage, decodeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { jsonRowsOf } from '../db/json-rows.js';
import type { Queryable } from '../db/types.js';
import type { Actor } from '../app/actor.js';
import { iso, isoOrNull, likePattern } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';

/** Team-rule refusals as problems (invitations enforce the same rules). */
export { enforce };

export const DEFAULT_PAGE_SIZE = 50;

const memberColumns = 'id, email, name, role, avatar_url, totp_enabled_at, passkey_count, last_active_at, joined_at';

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  avatar_url: string | null;
  totp_enabled_at: Date | string | null;
  passkey_count: number;
  /** Timestamps: a Date from a typed row, an ISO string from `queryJsonRows`. */
  last_active_at: Date | string | null;
  joined_at: Date | string;
}

export function memberJson(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    mfaEnabled: row.totp_enabled_at !== null || Number(row.passkey_count) > 0,
    avatarUrl: row.avatar_url,
    lastActiveAt: isoOrNull(row.last_active_at),
    joinedAt: iso(row.joined_at),
  };
}

export async function loadMember(tx: Queryable, orgId: string, memberId: string, lock = false): Promise<MemberRow> {
  const { rows } = await tx.query<MemberRow>(
    `SELECT ${memberColumns} FROM members WHERE id = $1 AND org_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [memberId, orgId],
  );
  if (!rows[0]) throw problem(404, 'member_not_found', 'This member is not part of your organization.');
  return rows[0];
}

/** Locks the organization's Owners (so two requests cannot demote the last two at once) and counts them. */
async function lockOwners(tx: Queryable, orgId: string): Promise<number> {
  const { rows } = await tx.query("SELECT id FROM members WHERE org_id = $1 AND role = 'owner' ORDER BY id FOR UPDATE", [orgId]);
  return rows.length;
}

const ref = (actor: Actor) => ({ id: actor.memberId, role: actor.role });

/**
 * Members by name (then id), keyset paged, in one statement. Free text matches name or email
 * through the pg_trgm index on the stored `search` column (both, lower-cased): the matches sit in
 * a MATERIALIZED CTE, so the planner uses that index instead of walking the name index and
 * filtering. The CTE keeps only each match's id and name (sorting and counting a few hundred
 * narrow rows instead of whole members cut PostgreSQL's time for a search by a fifth); the page's
 * rows are then read by id. The first page also says how many members match: counted among the
 * matches for a search, read from `member_counts` otherwise.
 */
const list = defineRoute(api.team.listMembers, async (ctx) => {
  const { q, role, cursor } = ctx.query;
  const limit = ctx.query.limit ?? DEFAULT_PAGE_SIZE;
  const params: unknown[] = [ctx.actor.orgId];
  const add = (value: unknown) => `$${params.push(value)}`;
  const search = q ? add(likePattern(q.toLowerCase())) : null;
  const matching = ['org_id = $1', ...(role ? [`role = ${add(role)}`] : [])];
  const after = cursor ? decodeCursor(cursor, 2) : null;
  const afterCursor = after ? `(name, id) > (${add(after[0])}, ${add(after[1])})` : null;
  let sql: string;
  if (search) {
    const matched = `WITH matched AS MATERIALIZED (SELECT id, name FROM members WHERE ${[...matching, `search LIKE ${search}`].join(' AND ')}) `;
    const ids = `SELECT id, name FROM matched${afterCursor ? ` WHERE ${afterCursor}` : ''} ORDER BY name, id LIMIT ${limit + 1}`;
    const page = `SELECT ${prefixed('m', memberColumns)} FROM (${ids}) p JOIN members m ON m.id = p.id ORDER BY p.name, p.id`;
    const total = cursor ? 'NULL' : '(SELECT count(*) FROM matched)';
    sql = `${matched}SELECT ${jsonRowsOf(page)} AS rows, ${total}::int AS total`;
  } else {
    const page = `SELECT ${memberColumns} FROM members WHERE ${[...matching, ...(afterCursor ? [afterCursor] : [])].join(' AND ')} ORDER BY name, id LIMIT ${limit + 1}`;
    const total = cursor ? 'NULL' : `(SELECT coalesce(sum(members), 0) FROM member_counts WHERE ${matching.join(' AND ')})`;
    sql = `SELECT ${jsonRowsOf(page)} AS rows, ${total}::int AS total`;
  }
  const { rows } = await ctx.tx.query<{ rows: string; total: number | null }>(sql, params);
  const found = JSON.parse(rows[0]!.rows) as MemberRow[];
  const { page: items, nextCursor } = keysetPage(found, limit, (last) => encodeCursor([last.name, last.id]));
  return {
    items: items.map(memberJson),
    nextCursor,
    ...(cursor ? {} : { total: Number(rows[0]!.total) }),
  };
});

/** `a, b` as `m.a, m.b`. */
function prefixed(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

const getMember = defineRoute(api.team.getMember, async (ctx) => memberJson(await loadMember(ctx.tx, ctx.actor.orgId, ctx.params.id)));

const changeRole = defineRoute(api.team.changeRole, async (ctx) => {
  const { actor } = ctx;
  const ownerCount = await lockOwners(ctx.tx, actor.orgId);
  const target = await loadMember(ctx.tx, actor.orgId, ctx.params.id, true);
  enforce(checkRoleChange(ref(actor), target, ctx.body.role, ownerCount));
  if (target.role === ctx.body.role) return memberJson(target);
  const { rows } = await ctx.tx.query<MemberRow>(
    `UPDATE members SET role = $2, updated_at = $3 WHERE id = $1 RETURNING ${memberColumns}`,
    [target.id, ctx.body.role, ctx.now],
  );
  await ctx.audit({
    action: 'member.role_changed',
    target: { type: 'member', id: target.id, label: target.name },
    before: { role: target.role },
    after: { role: ctx.body.role },
  });
  return memberJson(rows[0]!);
});

const remove = defineRoute(api.team.removeMember, async (ctx) => {
  const { actor } = ctx;
  const ownerCount = await lockOwners(ctx.tx, actor.orgId);
  const target = await loadMember(ctx.tx, actor.orgId, ctx.params.id, true);
  enforce(checkRemoval(ref(actor), target, ownerCount));
  await ctx.tx.query('DELETE FROM members WHERE id = $1', [target.id]);
  await ctx.audit({
    action: 'member.removed',
    target: { type: 'member', id: target.id, label: target.name },
    before: { email: target.email, name: target.name, role: target.role },
  });
});

const transferOwnership = defineRoute(api.team.transferOwnership, async (ctx) => {
  const { actor } = ctx;
  await lockOwners(ctx.tx, actor.orgId);
  const { rows: found } = await ctx.tx.query<MemberRow>(
    `SELECT ${memberColumns} FROM members WHERE id = $1 AND org_id = $2 FOR UPDATE`,
    [ctx.body.memberId, actor.orgId],
  );
  const target = found[0];
  if (!target) throw fieldProblem('memberId', 'Choose a member of your organization.', 'member_not_found', 404);
  enforce(checkOwnershipTransfer(ref(actor), target));
  const { rows: newOwner } = await ctx.tx.query<MemberRow>(
    `UPDATE members SET role = 'owner', updated_at = $2 WHERE id = $1 RETURNING ${memberColumns}`,
    [target.id, ctx.now],
  );
  const { rows: previousOwner } = await ctx.tx.query<MemberRow>(
    `UPDATE members SET role = 'admin', updated_at = $2 WHERE id = $1 RETURNING ${memberColumns}`,
    [actor.memberId, ctx.now],
  );
  await ctx.audit({
    action: 'organization.ownership_transferred',
    target: { type: 'member', id: target.id, label: target.name },
    before: { newOwnerRole: target.role, previousOwnerRole: actor.role },
    after: { newOwnerRole: 'owner', previousOwnerRole: 'admin', previousOwnerId: actor.memberId },
  });
  return { newOwner: memberJson(newOwner[0]!), previousOwner: memberJson(previousOwner[0]!) };
});

export const routes = [list, getMember, changeRole, remove, transferOwnership];
