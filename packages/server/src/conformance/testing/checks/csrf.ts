import { afterEach, describe, expect, it } from 'vitest';
import { isWrite, label, memberEndpoints, placeholderRequest } from '../endpoints.js';
import { problemMismatch } from '../problems.js';
import type { Suite } from '../suite.js';

export function describeCsrf(suite: Suite): void {
  describe('cookie writes without the session’s X-CSRF-Token → 403 csrf_invalid', () => {
    // A target that lets a placeholder write through may have signed the Owner out.
    afterEach(() => suite.ctx.sessions.renew());
    for (const endpoint of memberEndpoints.filter(isWrite)) {
      it(`${label(endpoint)}: no token, and another session’s token`, async () => {
        const { client, sessions } = suite.ctx;
        const owner = await sessions.of('owner');
        const otherToken = (await sessions.of('admin')).csrfToken!;
        const request = placeholderRequest(endpoint);
        expect(problemMismatch(await client.send(endpoint, request, owner, { csrf: 'omit' }), 403, 'csrf_invalid')).toBeNull();
        expect(problemMismatch(await client.send(endpoint, request, owner, { csrf: otherToken }), 403, 'csrf_invalid')).toBeNull();
      });
    }
  });
}
