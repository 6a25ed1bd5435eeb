import { api } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { show } from '../problems.js';
import type { Suite } from '../suite.js';

/** Declared last: it looks at the audit entries of the whole run. */
export function describeSecrets(suite: Suite): void {
  describe('secrets stay out of the audit log', () => {
    it('no password, session cookie, CSRF token, TOTP secret, recovery code, API key or Pax8 secret of the run appears in its audit entries or their CSV export', async () => {
      const { ctx } = suite;
      const owner = await ctx.sessions.of('owner');
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await ctx.client.send(api.audit.list, { query: { from: ctx.startedAt, limit: 200, ...(cursor ? { cursor } : {}) } }, owner);
        expect(res.status, show(res)).toBe(200);
        pages.push(res.text);
        cursor = res.json.nextCursor;
      } while (cursor);
      const csv = await ctx.client.send(api.audit.export, { query: { from: ctx.startedAt } }, owner);
      expect(csv.status, show(csv)).toBe(200);
      const recorded = [...pages, csv.text].join('\n');
      expect(recorded.length).toBeGreaterThan(0);
      expect([...ctx.client.secrets].filter((secret) => recorded.includes(secret))).toEqual([]);
    });
  });
}
