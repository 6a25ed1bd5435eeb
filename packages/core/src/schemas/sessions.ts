import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Id, Timestamp } from './common.js';

export const Session = z.object({
  id: Id,
  current: z.boolean(),
  browser: z.nullable(z.string()),
  os: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  location: z.nullable(z.string()),
  createdAt: Timestamp,
  lastActiveAt: Timestamp,
});
export type Session = z.infer<typeof Session>;
export const SessionList = z.object({ items: z.array(Session) });
export const SessionsEnded = z.object({ ended: z.number().check(z.int(), z.gte(0)) });

const s = { tag: 'Sessions', access: 'self.manage' } as const;
export const sessionEndpoints = {
  list: endpoint({ ...s, id: 'sessions.list', method: 'GET', path: '/sessions', response: SessionList }),
  terminate: endpoint({ ...s, id: 'sessions.terminate', method: 'DELETE', path: '/sessions/{id}', params: z.object({ id: Id }) }),
  terminateOthers: endpoint({ ...s, id: 'sessions.terminateOthers', method: 'POST', path: '/sessions/terminate-others', response: SessionsEnded }),
};
