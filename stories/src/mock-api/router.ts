import { can, Problem, type Endpoint, type Permission } from '@billingone/settings-core';
import { etagMatches, internalError, issuesToFieldErrors, parseJsonBody, problem, problemResponse, ProblemError } from '@billingone/settings-core/implementation';
import type { Actor, Handler, HandlerContext } from './context.js';
import { etagOf } from './etag.js';
import { RECENT_AUTH_MS, type MockState } from './state.js';

interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] } };
}

/** A response that did not fit its endpoint's schema: the mock answered it anyway as a 500 and recorded it. */
export interface ContractViolation {
  endpointId: string;
  status: number;
  issues: string[];
}

/** Who a request is from: the page's cookie session, or a member "signed in elsewhere" (play functions). */
export interface Identity {
  sessionId: string | null;
}

interface Route {
  handler: Handler;
  pattern: RegExp;
  names: string[];
  literals: number;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function compile(handler: Handler): Route {
  const names: string[] = [];
  const segments = handler.endpoint.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(match[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { handler, pattern: new RegExp(`^/${source}$`), names, literals: segments.length - names.length };
}

function parseWith(schema: unknown, value: unknown, what: string): unknown {
  if (!schema) return undefined;
  const result = (schema as SafeParser).safeParse(value);
  if (result.success) return result.data;
  throw problem(422, 'validation_failed', `Some ${what} values are not valid.`, { fieldErrors: issuesToFieldErrors(result.error.issues) });
}

/** The MFA state of a member, as the server's actor carries it. */
export function mfaOf(state: MockState, memberId: string) {
  const member = state.memberById(memberId);
  const totpEnabled = !!member?.totp;
  const passkeyCount = member?.passkeys.length ?? 0;
  const orgRequiresMfa = state.organization.requireMfa;
  return { totpEnabled, passkeyCount, orgRequiresMfa, enrollmentRequired: orgRequiresMfa && !totpEnabled && passkeyCount === 0 };
}

function actorOf(state: MockState, memberId: string, kind: Actor['kind'], credentialId: string, expiresAt: number, reauthenticatedAt: number | null): Actor | null {
  const member = state.memberById(memberId);
  if (!member) return null;
  return { kind, credentialId, memberId, role: member.role, email: member.email, name: member.name, expiresAt, reauthenticatedAt, mfa: mfaOf(state, memberId) };
}

function authenticate(state: MockState, request: Request, endpoint: Endpoint, identity: Identity, now: number): Actor | null {
  const header = request.headers.get('authorization');
  let bearer: string | null = null;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw problem(401, 'invalid_authorization', 'Use "Authorization: Bearer <token>".');
    bearer = match[1]!;
  }
  if (endpoint.access === 'api-key') {
    if (!bearer || !bearer.startsWith('bo_sk_')) {
      throw problem(401, 'api_key_required', 'Call this endpoint from your server with "Authorization: Bearer <organization API key>".');
    }
    return null;
  }
  if (bearer) {
    if (bearer === state.embedToken && state.embedExpiresAt > now) {
      return actorOf(state, state.signedInMemberId, 'embed', 'emb_mock', state.embedExpiresAt, state.embedReauthenticatedAt);
    }
    if (endpoint.access === 'public') return null;
    throw problem(401, 'invalid_token', 'The embed token is unknown or has expired. Request a new one.');
  }
  const session = identity.sessionId ? state.sessions.find((each) => each.id === identity.sessionId && each.expiresAt > now) : undefined;
  const actor = session ? actorOf(state, session.memberId, 'session', session.id, session.expiresAt, session.reauthenticatedAt) : null;
  if (!actor && endpoint.access !== 'public') {
    throw problem(401, 'unauthenticated', identity.sessionId ? 'Your session has ended. Sign in again.' : 'Sign in to continue.');
  }
  return actor;
}

function authorize(state: MockState, request: Request, endpoint: Endpoint, actor: Actor | null, now: number): void {
  if (!actor || endpoint.access === 'public') return;
  if (actor.kind === 'session' && !safeMethods.has(request.method)) {
    const session = state.sessions.find((each) => each.id === actor.credentialId);
    const sent = request.headers.get('x-csrf-token');
    if (!sent || sent !== session?.csrfToken) {
      throw problem(403, 'csrf_invalid', 'Send the X-CSRF-Token header (GET /v1/auth/csrf) with every change.');
    }
  }
  if (actor.mfa.enrollmentRequired && endpoint.mfaGate !== 'allowed') {
    throw problem(403, 'mfa_enrollment_required', 'Your organization requires two-factor authentication. Set it up to continue.');
  }
  if (endpoint.access !== 'member' && !can(actor, endpoint.access as Permission)) {
    throw problem(403, 'forbidden', 'Your role does not allow this.');
  }
  if (endpoint.recentAuth && (!actor.reauthenticatedAt || now - actor.reauthenticatedAt > RECENT_AUTH_MS)) {
    throw problem(403, 'recent_auth_required', 'Confirm it is you (password or authenticator code) to continue.');
  }
}

async function readUpload(request: Request, upload: NonNullable<Endpoint['upload']>): Promise<{ bytes: Uint8Array; contentType: string }> {
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!upload.types.includes(contentType)) {
    const message = `Upload one of: ${upload.types.join(', ')}.`;
    throw problem(415, 'unsupported_media_type', message, { fieldErrors: [{ path: 'file', message, code: 'unsupported_media_type' }] });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > upload.maxBytes) {
    const message = `The file must be at most ${Math.round(upload.maxBytes / 1024)} KB.`;
    throw problem(413, 'file_too_large', message, { fieldErrors: [{ path: 'file', message, code: 'file_too_large' }] });
  }
  if (bytes.byteLength === 0) {
    throw problem(422, 'validation_failed', 'The file is empty.', { fieldErrors: [{ path: 'file', message: 'The file is empty.', code: 'empty_file' }] });
  }
  return { bytes, contentType };
}

export interface RouterHooks {
  /** Called with the matched endpoint before anything else: may delay, hang or fail the request. */
  before?(endpoint: Endpoint, request: Request): Promise<ProblemError | void>;
  onViolation(violation: ContractViolation): void;
  onCall(call: { endpointId: string; method: string; path: string; status: number }): void;
}

/**
 * The mock Settings API: routes a `Request` to the handler of its endpoint with the reference
 * server's pipeline (authentication, CSRF, MFA gate, permission, recent re-authentication, schema
 * validation of params, query and body, upload checks, If-Match), and checks every answer — data and
 * problems alike — against the contract's schemas before it leaves.
 */
export function createRouter(state: MockState, handlers: readonly Handler[], basePath: string, hooks: RouterHooks) {
  const routes = handlers.map(compile).sort((a, b) => b.literals - a.literals);
  const limiters = new Map<string, { count: number; resetAt: number }>();
  const prefix = `${basePath.replace(/\/+$/, '')}/v1`;

  function match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const route of routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.handler.endpoint.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1]!);
      });
      return { route, params };
    }
    return pathMatched ? 'method' : undefined;
  }

  function validated(endpoint: Endpoint, status: number, body: unknown): unknown {
    const schema = (status >= 400 ? Problem : endpoint.response) as SafeParser | undefined;
    if (!schema) return body;
    const parsed = schema.safeParse(body);
    if (parsed.success) return body;
    const issues = issuesToFieldErrors(parsed.error.issues).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    const violation = { endpointId: endpoint.id, status, issues };
    hooks.onViolation(violation);
    throw new Error(`Mock ${endpoint.id} answered a body that does not match the contract: ${issues.join('; ')}`);
  }

  async function run(request: Request, identity: Identity): Promise<{ response: Response; endpoint?: Endpoint }> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(prefix)) return { response: problemResponse(problem(404, 'not_found', `No route for ${url.pathname}.`)) };
    const path = url.pathname.slice(prefix.length) || '/';
    const found = match(request.method, path);
    if (found === undefined) return { response: problemResponse(problem(404, 'not_found', `No route for ${request.method} ${path}.`)) };
    if (found === 'method') return { response: problemResponse(problem(405, 'method_not_allowed', `${request.method} is not allowed on ${path}.`)) };
    const { route, params: rawParams } = found;
    const { endpoint } = route.handler;
    try {
      const injected = await hooks.before?.(endpoint, request);
      if (injected) throw injected;
      const now = Date.now();
      const actor = authenticate(state, request, endpoint, identity, now);
      authorize(state, request, endpoint, actor, now);
      const params = parseWith(endpoint.params, rawParams, 'path');
      const query = parseWith(endpoint.query, Object.fromEntries(url.searchParams), 'query');
      let body: unknown;
      let upload: HandlerContext['upload'] = null;
      if (endpoint.upload) upload = await readUpload(request, endpoint.upload);
      else if (endpoint.body) body = parseWith(endpoint.body, parseJsonBody(await request.text(), request.headers.get('content-type')), 'body');
      const isWrite = !safeMethods.has(endpoint.method);
      const ifMatch = request.headers.get('if-match');
      if (endpoint.etag && isWrite && ifMatch === null) {
        throw problem(428, 'if_match_required', 'Send the If-Match header with the ETag you last read.');
      }
      const ctx: HandlerContext = {
        endpoint, params, query, body, upload, state, now, request, optionalActor: actor,
        get actor(): Actor {
          if (!actor) throw new Error(`${endpoint.id} has no signed-in member (access ${endpoint.access}).`);
          return actor;
        },
        audit(entry) {
          const who = entry.actor !== undefined ? entry.actor : actor ? { id: actor.memberId, name: actor.name, email: actor.email } : null;
          state.writtenAudit.unshift({
            id: state.newId('aud_w'),
            at: new Date(now).toISOString(),
            actor: who,
            action: entry.action,
            target: entry.target ?? null,
            ip: '198.51.100.23',
            userAgent: typeof navigator === 'undefined' ? null : navigator.userAgent,
            changes: entry.before || entry.after ? { before: entry.before ?? null, after: entry.after ?? null } : null,
          });
        },
        checkIfMatch(current) {
          if (ifMatch === null) throw problem(428, 'if_match_required', 'Send the If-Match header with the ETag you last read.');
          if (!etagMatches(ifMatch, etagOf(current))) {
            throw problem(412, 'stale_version', 'Someone changed this since you loaded it. Reload and try again.', { headers: { etag: etagOf(current) } });
          }
        },
        rateLimit(name, key, rule) {
          const id = `${name}:${key}`;
          const entry = limiters.get(id);
          if (!entry || entry.resetAt <= now) {
            limiters.set(id, { count: 1, resetAt: now + rule.windowSeconds * 1000 });
            return;
          }
          entry.count += 1;
          if (entry.count > rule.limit) {
            const retryAfterSeconds = Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
            throw problem(429, 'rate_limited', 'Too many attempts. Wait a moment and try again.', {
              headers: { 'retry-after': String(retryAfterSeconds) },
              extra: { retryAfterSeconds },
            });
          }
        },
        resetRateLimit(name, key) {
          limiters.delete(`${name}:${key}`);
        },
      };
      const result = await route.handler.handle(ctx);
      if (result instanceof Response) return { response: result, endpoint };
      if (!endpoint.response) return { response: new Response(null, { status: 204 }), endpoint };
      const status = endpoint.creates ? 201 : 200;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (endpoint.etag) headers.etag = etagOf(result);
      return { response: new Response(JSON.stringify(validated(endpoint, status, result)), { status, headers }), endpoint };
    } catch (error) {
      if (error instanceof ProblemError) {
        validated(endpoint, error.status, error.toJSON());
        return { response: problemResponse(error), endpoint };
      }
      // A cancelled request rejects, as `fetch` does.
      if (request.signal?.aborted) throw error;
      console.error(`Mock Settings API: ${endpoint.id} failed.`, error);
      return { response: problemResponse(internalError()), endpoint };
    }
  }

  return {
    async handle(request: Request, identity: Identity): Promise<Response> {
      const { response, endpoint } = await run(request, identity);
      const url = new URL(request.url);
      hooks.onCall({ endpointId: endpoint?.id ?? '(none)', method: request.method, path: `${url.pathname}${url.search}`, status: response.status });
      return response;
    },
  };
}
