import { api } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { show } from '../problems.js';
import type { Suite } from '../suite.js';

export function describePublicEndpoints(suite: Suite): void {
  describe('public and server-to-server endpoints', () => {
    it('POST /auth/passkey/options gives anyone a challenge', async () => {
      const res = await suite.ctx.client.send(api.auth.passkeyOptions, {}, null);
      expect(res.status, show(res)).toBe(200);
    });

    it('POST /embed-tokens with the API key gives a bearer token that acts as the member', async (test) => {
      const { ctx } = suite;
      const apiKey = ctx.credentials.apiKey;
      if (!apiKey) return test.skip('no organization API key given (apiKey in CONFORMANCE_CREDENTIALS)');
      const viewer = ctx.credentials.members.viewer;
      const res = await ctx.client.send(api.auth.embedToken, { body: { memberEmail: viewer.email, ttlSeconds: 60 } }, { bearer: apiKey });
      expect(res.status >= 200 && res.status < 300, show(res)).toBe(true);
      ctx.client.remember(res.json.token);
      const me = await ctx.client.must(api.me.get, {}, { bearer: res.json.token });
      expect([me.member.email.toLowerCase(), me.role, me.auth.kind]).toEqual([viewer.email.toLowerCase(), 'viewer', 'embed']);
    });
  });
}
