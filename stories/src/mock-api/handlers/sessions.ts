import { sessionEndpoints } from '@billingone/settings-core';
import { problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';

export const sessionHandlers = [
  handler(sessionEndpoints.list, ({ actor, state, now }) => {
    const rows = state.sessions
      .filter((session) => session.memberId === actor.memberId && session.expiresAt > now)
      .sort((a, b) => b.lastActiveAt - a.lastActiveAt || (a.id < b.id ? -1 : 1));
    return {
      items: rows.map((row) => ({
        id: row.id,
        current: actor.kind === 'session' && row.id === actor.credentialId,
        browser: row.browser,
        os: row.os,
        ip: row.ip,
        location: row.location,
        createdAt: iso(row.createdAt),
        lastActiveAt: iso(row.lastActiveAt),
      })),
    };
  }),
  handler(sessionEndpoints.terminate, ({ actor, state, params, audit }) => {
    const index = state.sessions.findIndex((session) => session.id === params.id && session.memberId === actor.memberId);
    if (index < 0) throw problem(404, 'session_not_found', 'This session has already ended.');
    const [ended] = state.sessions.splice(index, 1);
    audit({
      action: 'session.terminated',
      target: { type: 'session', id: ended!.id, label: [ended!.browser, ended!.os].filter(Boolean).join(' on ') || null },
      before: { ip: ended!.ip, browser: ended!.browser, os: ended!.os },
    });
    if (ended!.id === state.currentSessionId) state.currentSessionId = null;
  }),
  handler(sessionEndpoints.terminateOthers, ({ actor, state, audit }) => {
    const keep = actor.kind === 'session' ? actor.credentialId : '';
    const others = state.sessions.filter((session) => session.memberId === actor.memberId && session.id !== keep);
    for (const session of others) state.sessions.splice(state.sessions.indexOf(session), 1);
    audit({ action: 'session.terminated_others', target: { type: 'member', id: actor.memberId, label: actor.name }, after: { ended: others.length } });
    return { ended: others.length };
  }),
];
