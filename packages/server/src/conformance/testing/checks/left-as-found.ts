import { describe, expect, it } from 'vitest';
import { snapshotTarget } from '../snapshot.js';
import type { Suite } from '../suite.js';

/** Declared last: every write of the run was meant to be harmless or undone. */
export function describeLeftAsFound(suite: Suite): void {
  describe('the run is self-restoring', () => {
    it('leaves the members, organization, branding, invitations and integrations as it found them', async () => {
      const { ctx } = suite;
      await ctx.pax8.release();
      expect(await snapshotTarget(ctx.client, ctx.sessions)).toEqual(ctx.initial);
    });
  });
}
