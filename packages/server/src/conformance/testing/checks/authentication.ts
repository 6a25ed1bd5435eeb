import { describe, expect, it } from 'vitest';
import { label, memberEndpoints, placeholderRequest } from '../endpoints.js';
import { problemMismatch } from '../problems.js';
import type { Suite } from '../suite.js';

export function describeAuthentication(suite: Suite): void {
  describe('without credentials, every member endpoint answers 401 problem+json', () => {
    for (const endpoint of memberEndpoints) {
      it(label(endpoint), async () => {
        const res = await suite.ctx.client.send(endpoint, placeholderRequest(endpoint), null);
        expect(problemMismatch(res, 401)).toBeNull();
      });
    }
  });
}
