import { allEndpoints, Problem } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { label } from '../endpoints.js';
import type { Exchange } from '../http.js';
import { isProblemType } from '../problems.js';
import type { Suite } from '../suite.js';

interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

const issuesOf = (schema: unknown, value: unknown): string | null => {
  const parsed = (schema as SafeParser).safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
};

const who = (exchange: Exchange) => exchange.role ?? 'anonymous';

/**
 * Every answer the run received, checked against the contract: 2xx JSON bodies against the
 * endpoint's response schema, errors as problem documents. Declared last, so they see the whole run.
 */
export function describeAnswers(suite: Suite): void {
  describe('every 2xx JSON body of the run parses with the endpoint’s response schema', () => {
    for (const endpoint of allEndpoints.filter((e) => e.response)) {
      it(label(endpoint), (test) => {
        const answers = suite.ctx.client.exchanges.filter((x) => x.endpoint.id === endpoint.id && x.status >= 200 && x.status < 300);
        if (answers.length === 0) return test.skip('no 2xx answer in this run');
        const mismatches = answers.flatMap((answer) => {
          const issues = issuesOf(endpoint.response, answer.json);
          return issues ? [`as ${who(answer)} (${answer.status}): ${issues}`] : [];
        });
        expect(mismatches).toEqual([]);
      });
    }
  });

  describe('every error of the run', () => {
    it('is application/problem+json with the type, title, status and code of core’s Problem', () => {
      const wrong = suite.ctx.client.exchanges
        .filter((x) => x.status >= 400)
        .flatMap((x) => {
          const problem = !isProblemType(x.contentType) ? `content-type ${x.contentType}` : issuesOf(Problem, x.json);
          const status = (x.json as { status?: unknown } | undefined)?.status;
          const reason = problem ?? (status === x.status ? null : `status field ${String(status)}`);
          return reason ? [`${label(x.endpoint)} as ${who(x)} → ${x.status}: ${reason}`] : [];
        });
      expect(wrong).toEqual([]);
    });

    it('is never a 5xx', () => {
      const failures = suite.ctx.client.exchanges.filter((x) => x.status >= 500).map((x) => `${label(x.endpoint)} as ${who(x)} → ${x.status}`);
      expect(failures).toEqual([]);
    });
  });
}
