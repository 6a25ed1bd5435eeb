import { roles } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { allowed, label, memberEndpoints } from '../endpoints.js';
import { problemMismatch, show } from '../problems.js';
import { exercise } from '../scenario.js';
import type { Suite } from '../suite.js';

/**
 * Every member endpoint as every role. Refused roles get 403 `forbidden`; allowed roles get a 2xx
 * when the suite can build a valid request over HTTP, and otherwise neither 401/403 nor a 5xx.
 */
export function describeRoleMatrix(suite: Suite): void {
  describe('role × endpoint matrix (core’s can())', () => {
    for (const endpoint of memberEndpoints) {
      for (const role of roles) {
        const permitted = allowed(endpoint, role);
        it(`${label(endpoint)} as ${role} → ${permitted ? 'allowed' : '403 forbidden'}`, async (test) => {
          const result = await exercise(suite.ctx, endpoint, role);
          if (result.skipped !== undefined) return test.skip(result.skipped);
          const { res, prepared } = result;
          if (!permitted) {
            expect(problemMismatch(res, 403, 'forbidden')).toBeNull();
          } else if (prepared.valid) {
            expect(res.status >= 200 && res.status < 300, show(res)).toBe(true);
          } else {
            expect([401, 403], show(res)).not.toContain(res.status);
            expect(res.status, show(res)).toBeLessThan(500);
          }
        });
      }
    }
  });
}
