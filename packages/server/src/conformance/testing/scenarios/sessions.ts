import { api } from '@billingone/settings-core';
import type { Scenario } from '../scenario.js';
import { succeeded, valid } from './prepared.js';

export const sessionScenarios: Record<string, Scenario> = {
  'sessions.list': async () => valid(),
  /** Another session of the same member, signed in for the purpose. */
  'sessions.terminate': async (ctx, role) => {
    const other = await ctx.sessions.fresh(role);
    const { auth } = await ctx.client.must(api.me.get, {}, other);
    if (!auth.sessionId) throw new Error('GET /me answered no auth.sessionId for a cookie session.');
    return valid({ params: { id: auth.sessionId } }, {
      restore: async (res) => {
        if (!succeeded(res)) await ctx.client.send(api.auth.signOut, {}, other);
      },
    });
  },
  'sessions.terminateOthers': async () => valid(),
};
