import { api, roles } from '@billingone/settings-core';
import type { Context } from './context.js';
import { ApiClient } from './http.js';
import { Pax8Connection } from './scenarios/pax8-connection.js';
import { Sessions } from './sessions.js';
import { snapshotTarget } from './snapshot.js';
import { openTarget, type Target } from './target.js';

/** The run's context, opened in `beforeAll` and read by the tests (which are declared before it exists). */
export interface Suite {
  readonly ctx: Context;
  open(): Promise<void>;
  close(): Promise<void>;
}

export function createSuite(): Suite {
  let target: Target | undefined;
  let context: Context | undefined;
  return {
    get ctx() {
      if (!context) throw new Error('The conformance target is not open (see the beforeAll error).');
      return context;
    },
    async open() {
      target = await openTarget();
      const client = new ApiClient(target.baseUrl);
      const sessions = new Sessions(client, target.credentials.members);
      for (const role of roles) await sessions.of(role);
      const res = await client.send(api.me.get, {}, await sessions.of('owner'));
      const serverNow = Date.parse(res.headers.get('date') ?? '') || Date.now();
      const pax8 = new Pax8Connection(client, () => sessions.of('owner'), target.credentials.pax8);
      await pax8.owns();
      client.remember(target.credentials.apiKey);
      context = {
        client,
        sessions,
        credentials: target.credentials,
        pax8,
        startedAt: new Date(serverNow - 60_000).toISOString(),
        origin: target.origin,
        initial: await snapshotTarget(client, sessions),
      };
      console.info(`Settings API conformance against ${target.description}`);
    },
    async close() {
      try {
        await context?.sessions.renew();
        await context?.pax8.release();
      } finally {
        await target?.close();
      }
    },
  };
}
