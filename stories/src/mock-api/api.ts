import { createSettingsClient, type Endpoint, type Role, type SettingsClient } from '@billingone/settings-core';
import { internalError, problem, type ProblemError } from '@billingone/settings-core/implementation';
import { handlers } from './handlers/index.js';
import { createRouter, type ContractViolation, type Identity } from './router.js';
import { MockState, SESSION_TTL_MS, type FixtureOptions } from './state.js';

/** How an endpoint fails: the first `times` calls (all by default) answer this problem. */
export interface FailureRule {
  /** 500 (default), 503, 429, … */
  status?: number;
  code?: string;
  detail?: string;
  times?: number;
}

export interface MockApiOptions extends FixtureOptions {
  /** Delay every answer by this many milliseconds. */
  latencyMs?: number;
  /** Endpoint ids (e.g. `members.list`, or `*` for all) that never answer: the loading state stays. */
  hang?: readonly string[];
  /** Endpoint ids (or `*`) that fail, e.g. `{ 'members.list': { status: 500, times: 1 } }` for an error that a retry clears. */
  fail?: Readonly<Record<string, FailureRule>>;
  /** `session` (default): cookie session with CSRF tokens; `embed`: a bearer embed token. */
  auth?: 'session' | 'embed';
  /** Origin the client is given (default: the page's origin, or `http://mock.billingone.test` outside a browser). */
  baseUrl?: string;
}

export interface MockCall {
  endpointId: string;
  method: string;
  path: string;
  status: number;
}

export interface MockApi {
  readonly state: MockState;
  /** A `fetch` answering the Settings API from the state, never touching the network. */
  readonly fetch: typeof fetch;
  /** Core's client over that fetch, for the element's `client` property or a `<billingone-provider>`. */
  readonly client: SettingsClient;
  readonly baseUrl: string;
  /** Answers that did not fit the contract (each also answered as a 500 and logged). Stories fail when this is not empty. */
  readonly violations: ContractViolation[];
  /** Every request answered, in order. */
  readonly calls: MockCall[];
  /** A client for another member of the organization, signed in elsewhere (a change made "meanwhile"). */
  clientAs(role: Role): SettingsClient;
  /** Makes an endpoint fail from now on (see `FailureRule`). */
  failNext(endpointId: string, rule?: FailureRule): void;
  /** The query Xero's consent page sends the browser back with, for an authorize URL the mock issued. */
  xeroConsent(authorizeUrl: string, decision?: 'allow' | 'deny'): { code?: string; error?: string; state: string };
}

const defaultOrigin = () => (typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location.origin : 'http://mock.billingone.test');

function wait(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });
}

function failureProblem(rule: FailureRule): ProblemError {
  const status = rule.status ?? 500;
  if (status === 500 && !rule.code) return internalError();
  const retryAfter = status === 429 || status === 503 ? { headers: { 'retry-after': '30' }, extra: { retryAfterSeconds: 30 } } : {};
  return problem(status, rule.code ?? (status === 503 ? 'service_unavailable' : status === 429 ? 'rate_limited' : `http_${status}`), rule.detail ?? 'The service is not answering. Try again in a few minutes.', retryAfter);
}

/**
 * A mock Settings API for stories and tests: the demo organization (or the fixtures chosen), answered
 * through a `fetch` given to core's `createSettingsClient`, behaving as the reference server does —
 * same problem codes and field errors, real TOTP checks, the Pax8 simulator's demo credentials, core's
 * team rules — and checking every answer against the contract's schemas before it leaves.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const state = new MockState(options);
  const baseUrl = options.baseUrl ?? defaultOrigin();
  const violations: ContractViolation[] = [];
  const calls: MockCall[] = [];
  const failures = new Map<string, FailureRule & { used: number }>(Object.entries(options.fail ?? {}).map(([id, rule]) => [id, { ...rule, used: 0 }]));
  const hang = new Set(options.hang ?? []);

  const router = createRouter(state, handlers, new URL(baseUrl).pathname, {
    async before(endpoint: Endpoint, request: Request) {
      if (hang.has('*') || hang.has(endpoint.id)) {
        await new Promise((_, reject) => {
          const { signal } = request;
          const abort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
          // Aborted before it got here (a busy machine): answer at once instead of hanging for ever.
          if (signal?.aborted) return abort();
          signal?.addEventListener('abort', abort, { once: true });
        });
      }
      if (options.latencyMs) await wait(options.latencyMs, request.signal);
      const rule = failures.get(endpoint.id) ?? failures.get('*');
      if (rule && rule.used < (rule.times ?? Infinity)) {
        rule.used += 1;
        return failureProblem(rule);
      }
    },
    onViolation(violation) {
      violations.push(violation);
      console.error(`Mock Settings API: ${violation.endpointId} answered ${violation.status} with a body outside the contract:\n  ${violation.issues.join('\n  ')}`);
    },
    onCall(call) {
      calls.push(call);
    },
  });

  const fetchAs = (identity: () => Identity): typeof fetch =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      return router.handle(request, identity());
    }) as typeof fetch;

  const mockFetch = fetchAs(() => ({ sessionId: state.currentSessionId }));
  const client = createSettingsClient({
    baseUrl,
    fetch: mockFetch,
    // A request that never answers keeps the loading state instead of timing out after 15 s.
    timeout: hang.size > 0 ? 2_147_483_647 : 15_000,
    ...(options.auth === 'embed' ? { getToken: () => state.embedToken } : {}),
  });

  return {
    state,
    fetch: mockFetch,
    client,
    baseUrl,
    violations,
    calls,
    clientAs(role) {
      const member = state.demo.find((each) => each.role === role);
      if (!member) throw new Error(`The demo organization has no ${role} to act as.`);
      const sessionId = `ses_elsewhere_${member.id}`;
      if (!state.sessions.some((session) => session.id === sessionId)) {
        const now = Date.now();
        state.sessions.push({
          id: sessionId, memberId: member.id, browser: 'Firefox 133', os: 'Windows 10/11', ip: '203.0.113.77', location: null,
          createdAt: now, lastActiveAt: now, expiresAt: now + SESSION_TTL_MS, reauthenticatedAt: null, csrfToken: `csrf_${sessionId}`,
        });
      }
      return createSettingsClient({ baseUrl, fetch: fetchAs(() => ({ sessionId })), retry: { limit: 0 } });
    },
    failNext(endpointId, rule = {}) {
      failures.set(endpointId, { ...rule, used: 0 });
    },
    xeroConsent(authorizeUrl, decision = 'allow') {
      const oauthState = new URL(authorizeUrl).searchParams.get('state');
      if (!oauthState || !state.xeroStates.has(oauthState)) throw new Error(`${authorizeUrl} was not issued by this mock.`);
      return decision === 'allow' ? { code: `xero-code-${oauthState}`, state: oauthState } : { error: 'access_denied', state: oauthState };
    },
  };
}
