import { api, type Session } from '@billingone/settings-core';
import { iso } from '../app/json.js';
import { problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';
import { clearSessionCookie } from '../app/sign-in.js';
import { parseUserAgent } from '../app/user-agent.js';

interface SessionRow {
  id: string;
  ip: string | null;
  user_agent: string | null;
  location: string | null;
  created_at: Date;
  last_active_at: Date;
}

const list = defineRoute(api.sessions.list, async (ctx) => {
  const { actor } = ctx;
  const { rows } = await ctx.tx.query<SessionRow>(
    `SELECT id, ip, user_agent, location, created_at, last_active_at FROM sessions
      WHERE member_id = $1 AND expires_at > $2 ORDER BY last_active_at DESC, id`,
    [actor.memberId, ctx.now],
  );
  const items: Session[] = rows.map((row) => ({
    id: row.id,
    current: actor.kind === 'session' && row.id === actor.credentialId,
    ...parseUserAgent(row.user_agent),
    ip: row.ip,
    location: row.location,
    createdAt: iso(row.created_at),
    lastActiveAt: iso(row.last_active_at),
  }));
  return { items };
});

const terminate = defineRoute(api.sessions.terminate, async (ctx) => {
  const { actor } = ctx;
  const { rows } = await ctx.tx.query<SessionRow>(
    'DELETE FROM sessions WHERE id = $1 AND member_id = $2 RETURNING id, ip, user_agent, location, created_at, last_active_at',
    [ctx.params.id, actor.memberId],
  );
  const ended = rows[0];
  if (!ended) throw problem(404, 'session_not_found', 'This session has already ended.');
  const { browser, os } = parseUserAgent(ended.user_agent);
  await ctx.audit({
    action: 'session.terminated',
    target: { type: 'session', id: ended.id, label: [browser, os].filter(Boolean).join(' on ') || null },
    before: { ip: ended.ip, browser, os },
  });
  if (actor.kind === 'session' && ended.id === actor.credentialId) clearSessionCookie(ctx.c);
});

const terminateOthers = defineRoute(api.sessions.terminateOthers, async (ctx) => {
  const { actor } = ctx;
  const { rows } = await ctx.tx.query<{ id: string }>(
    'DELETE FROM sessions WHERE member_id = $1 AND id <> $2 RETURNING id',
    [actor.memberId, actor.kind === 'session' ? actor.credentialId : ''],
  );
  await ctx.audit({ action: 'session.terminated_others', target: { type: 'member', id: actor.memberId, label: actor.name }, after: { ended: rows.length } });
  return { ended: rows.length };
});

export const routes = [list, terminate, terminateOthers];
