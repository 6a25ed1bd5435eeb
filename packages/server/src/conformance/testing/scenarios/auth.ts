import { api } from '@billingone/settings-core';
import type { Scenario } from '../scenario.js';
import { succeeded, valid } from './prepared.js';

export const authScenarios: Record<string, Scenario> = {
  'auth.csrf': async () => valid(),
  'auth.signOut': async (ctx, role) => {
    const session = await ctx.sessions.fresh(role);
    return valid({}, {
      as: session,
      restore: async (res) => {
        if (!succeeded(res)) await ctx.client.send(api.auth.signOut, {}, session);
      },
    });
  },
  'me.get': async () => valid(),
};
