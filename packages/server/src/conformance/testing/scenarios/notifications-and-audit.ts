import { api } from '@billingone/settings-core';
import type { Scenario } from '../scenario.js';
import { valid } from './prepared.js';
import { readForWrite } from './read-for-write.js';

export const notificationAndAuditScenarios: Record<string, Scenario> = {
  'notifications.get': async () => valid(),
  /** One cell set to the value it already has. */
  'notifications.update': async (ctx, role) => {
    const { body, ifMatch } = await readForWrite(ctx, api.notifications.get, await ctx.sessions.of(role));
    return valid({ headers: ifMatch, body: { preferences: { sync_completed: { email: body.preferences.sync_completed.email } } } });
  },
  'audit.list': async () => valid({ query: { limit: 5 } }),
  /** Only this run's entries, so the export stays small on a long-lived target. */
  'audit.export': async (ctx) => valid({ query: { from: ctx.startedAt } }),
};
