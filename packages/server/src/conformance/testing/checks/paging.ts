import { api, roles, type EndpointResponse } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { show } from '../problems.js';
import type { Suite } from '../suite.js';

type MemberPage = EndpointResponse<typeof api.team.listMembers>;

export function describePaging(suite: Suite): void {
  describe('cursor paging', () => {
    it('GET /members?limit=2 follows nextCursor to the end without repeats', async () => {
      const { ctx } = suite;
      const owner = await ctx.sessions.of('owner');
      const ids: string[] = [];
      let first: MemberPage | undefined;
      let cursor: string | null = null;
      for (let pages = 0; pages < 10_000; pages++) {
        const res = await ctx.client.send(api.team.listMembers, { query: cursor ? { limit: 2, cursor } : { limit: 2 } }, owner);
        expect(res.status, show(res)).toBe(200);
        const page = res.json as MemberPage;
        first ??= page;
        expect(page.items.length).toBeLessThanOrEqual(2);
        if (page.nextCursor) expect(page.items.length, 'a page before the last one is empty').toBeGreaterThan(0);
        ids.push(...page.items.map((member) => member.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(cursor, 'still a nextCursor after 10,000 pages').toBeNull();
      expect(ids.length - new Set(ids).size, 'members listed twice').toBe(0);
      if (first?.total !== undefined) expect(ids).toHaveLength(first.total);
      for (const role of roles) expect(ids).toContain(await ctx.sessions.memberId(role));
    });
  });
}
