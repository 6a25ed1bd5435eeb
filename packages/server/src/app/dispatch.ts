import { can, flowErrorCodes, type Endpoint, type Permission } from '@billingone/settings-core';
import { etagMatches, MAX_JSON_BYTES, parseJsonBody } from '@billingone/settings-core/implementation';
import { getCookie } from 'hono/cookie';
import {
  actorFromEmbedToken,
  actorFromSession,
  apiKeyActor,
  API_KEY_PREFIX,
  csrfTokenFor,
  SESSION_COOKIE,
  type Actor,
  type ApiKeyActor,
} from './actor.js';
import { isSameOrigin } from './cors.js';
import { sha256 } from './ids.js';
import type { AppContext } from './env.js';
import { etagOf } from './etag.js';
import { IdempotencyRace, idempotentRequest, recordedResponse, recordResponse, type IdempotentRequest } from './idempotency.js';
import { issuesToFieldErrors, problem } from './problem.js';
import { createRouteContext, type Route, type RouteContext } from './route.js';

/** Re-authentication lets sensitive actions through for 10 minutes. */
export const RECENT_AUTH_MS = 10 * 60 * 1000;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] } };
}

function parseWith(schema: unknown, value: unknown, prefix: string, what: string): unknown {
  if (!schema) return undefined;
  const result = (schema as SafeParser).safeParse(value);
  if (result.success) return result.data;
  throw problem(422, 'validation_failed', `Some ${what} values are not valid.`, {
    fieldErrors: issuesToFieldErrors(result.error.issues, prefix),
  });
}

function bearerToken(c: AppContext): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw problem(401, 'invalid_authorization', 'Use "Authorization: Bearer <token>".');
  return match[1]!;
}

interface Authenticated {
  actor: Actor | null;
  apiKey: ApiKeyActor | null;
  sessionToken: string | null;
}

async function authenticate(c: AppContext, endpoint: Endpoint, now: Date): Promise<Authenticated> {
  const { deps, actors } = c.var.state;
  const { db } = deps;
  const bearer = bearerToken(c);
  if (endpoint.access === 'api-key') {
    if (!bearer || !bearer.startsWith(API_KEY_PREFIX)) {
      throw problem(401, 'api_key_required', 'Call this endpoint from your server with "Authorization: Bearer <organization API key>".');
    }
    return { actor: null, apiKey: await apiKeyActor(db, bearer, now), sessionToken: null };
  }
  if (bearer) {
    if (bearer.startsWith(API_KEY_PREFIX)) {
      if (endpoint.access === 'public') return { actor: null, apiKey: null, sessionToken: null };
      throw problem(401, 'api_key_not_accepted', 'An API key only creates embed tokens; send an embed token here.');
    }
    const actor = await actors.lookup(`embed:${sha256(bearer)}`, now, () => actorFromEmbedToken(db, bearer, now));
    if (!actor) {
      if (endpoint.access === 'public') return { actor: null, apiKey: null, sessionToken: null };
      throw problem(401, 'invalid_token', 'The embed token is unknown or has expired. Request a new one.');
    }
    return { actor, apiKey: null, sessionToken: null };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  const actor = cookie ? await actors.lookup(`session:${sha256(cookie)}`, now, () => actorFromSession(db, cookie, now)) : null;
  if (!actor && endpoint.access !== 'public') {
    throw problem(401, 'unauthenticated', cookie ? 'Your session has ended. Sign in again.' : 'Sign in to continue.');
  }
  return { actor, apiKey: null, sessionToken: actor ? cookie! : null };
}

/** Refusals that depend on who calls: origin, CSRF, MFA gate, permission, recent re-authentication. */
function authorize(c: AppContext, endpoint: Endpoint, auth: Authenticated, now: Date): void {
  const { actor } = auth;
  // Public endpoints (sign-in, accepting an invitation) do not act as the member a cookie names.
  if (!actor || endpoint.access === 'public') return;
  if (actor.kind === 'embed') {
    const origin = c.req.header('origin');
    if (origin && !isSameOrigin(c, origin)) {
      if (!actor.embedOrigins.includes(origin)) {
        throw problem(403, 'origin_not_allowed', `${origin} is not an embedding origin of this organization.`);
      }
      c.set('corsOrigin', origin);
    }
  } else if (!safeMethods.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token');
    if (!sent || sent !== csrfTokenFor(auth.sessionToken!)) {
      throw problem(403, 'csrf_invalid', 'Send the X-CSRF-Token header (GET /v1/auth/csrf) with every change.');
    }
  }
  if (actor.mfa.enrollmentRequired && endpoint.mfaGate !== 'allowed') {
    throw problem(403, 'mfa_enrollment_required', 'Your organization requires two-factor authentication. Set it up to continue.');
  }
  if (endpoint.access !== 'member' && !can(actor, endpoint.access as Permission)) {
    throw problem(403, 'forbidden', 'Your role does not allow this.');
  }
  if (endpoint.recentAuth && (!actor.reauthenticatedAt || now.getTime() - actor.reauthenticatedAt.getTime() > RECENT_AUTH_MS)) {
    throw problem(403, flowErrorCodes.recentAuthRequired, 'Confirm it is you (password or authenticator code) to continue.');
  }
}

/** The JSON body of a request; a declared length above the limit is refused before the body is read. */
async function readJsonBody(c: AppContext): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > MAX_JSON_BYTES) throw problem(413, 'body_too_large', 'The request body is too large.');
  return parseJsonBody(await c.req.text(), c.req.header('content-type'));
}

async function readUpload(c: AppContext, upload: NonNullable<Endpoint['upload']>): Promise<RouteContext['upload']> {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!upload.types.includes(contentType)) {
    const message = `Upload one of: ${upload.types.join(', ')}.`;
    throw problem(415, 'unsupported_media_type', message, { fieldErrors: [{ path: 'file', message, code: 'unsupported_media_type' }] });
  }
  const tooLarge = () => {
    const message = `The file must be at most ${Math.round(upload.maxBytes / 1024)} KB.`;
    return problem(413, 'file_too_large', message, { fieldErrors: [{ path: 'file', message, code: 'file_too_large' }] });
  };
  if (Number(c.req.header('content-length') ?? '0') > upload.maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > upload.maxBytes) throw tooLarge();
  if (bytes.byteLength === 0) {
    throw problem(422, 'validation_failed', 'The file is empty.', { fieldErrors: [{ path: 'file', message: 'The file is empty.', code: 'empty_file' }] });
  }
  return { bytes, contentType };
}

function validateResponse(route: Route, result: unknown): void {
  const schema = route.endpoint.response as SafeParser | undefined;
  if (!schema) return;
  const parsed = schema.safeParse(result);
  if (!parsed.success) {
    const issues = issuesToFieldErrors(parsed.error.issues).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    throw new Error(`${route.endpoint.id} answered a body that does not match its response schema: ${issues.join('; ')}`);
  }
}

/** The Hono handler of a route. */
export function dispatch(route: Route) {
  const { endpoint } = route;
  const isWrite = !safeMethods.has(endpoint.method);
  return async (c: AppContext): Promise<Response> => {
    const state = c.var.state;
    const { deps } = state;
    const now = deps.clock();
    const auth = await authenticate(c, endpoint, now);
    authorize(c, endpoint, auth, now);

    const params = parseWith(endpoint.params, c.req.param(), '', 'path');
    const query = parseWith(endpoint.query, c.req.query(), '', 'query');
    let body: unknown;
    let upload: RouteContext['upload'] = null;
    if (endpoint.upload) upload = await readUpload(c, endpoint.upload);
    else if (endpoint.body) body = parseWith(endpoint.body, await readJsonBody(c), '', 'body');

    const ifMatch = c.req.header('if-match');
    if (endpoint.etag && isWrite && ifMatch === undefined) {
      throw problem(428, 'if_match_required', 'Send the If-Match header with the ETag you last read.');
    }

    // Creating POSTs honour Idempotency-Key: the same key from the same caller replays the first answer.
    const scope = auth.actor ? `member:${auth.actor.memberId}` : auth.apiKey ? `api-key:${auth.apiKey.apiKeyId}` : null;
    const idempotent: IdempotentRequest | null =
      endpoint.creates && scope
        ? idempotentRequest({ header: c.req.header('idempotency-key'), scope, endpointId: endpoint.id, method: endpoint.method, path: c.req.path, body })
        : null;
    const replay = async (): Promise<Response | null> => {
      const recorded = idempotent && (await recordedResponse(deps.db, deps.secrets, idempotent, now));
      if (!recorded) return null;
      c.header('idempotent-replayed', 'true');
      return recorded.body === null ? c.body(null, recorded.status as 201) : c.json(recorded.body as object, recorded.status as 201);
    };
    const replayed = await replay();
    if (replayed) return replayed;

    let ifMatchChecked = false;
    const handle = (tx: RouteContext['tx']) =>
      route.handler(
        createRouteContext({
          endpoint, state, c, actor: auth.actor, apiKey: auth.apiKey, params, query, body, upload, tx, now, ifMatch,
          onIfMatchChecked: () => {
            ifMatchChecked = true;
          },
        }),
      );
    const statusOf = () => (endpoint.response ? (endpoint.creates ? 201 : 200) : 204);
    const run = async (tx: RouteContext['tx']) => {
      const answer = await handle(tx);
      // Recorded in the mutation's transaction; routes that run their own transactions record it just after.
      if (idempotent && !(answer instanceof Response)) {
        await recordResponse(tx, deps.secrets, idempotent, { status: statusOf(), body: endpoint.response ? answer : null }, now);
      }
      return answer;
    };
    const useTransaction = isWrite && route.options.transaction !== false;
    let result: unknown;
    try {
      result = useTransaction ? await deps.db.transaction(run) : await run(deps.db);
    } catch (error) {
      if (error instanceof IdempotencyRace) {
        const winner = await replay();
        if (winner) return winner;
      }
      throw error;
    } finally {
      // Whatever a write changed (a role, a session, MFA), the next request looks its member up again.
      if (isWrite) state.actors.invalidate();
    }
    if (endpoint.etag && isWrite && !ifMatchChecked) {
      throw new Error(`${endpoint.id} is an ETag write but its handler never called checkIfMatch().`);
    }

    if (result instanceof Response) return result;
    if (!endpoint.response) return c.body(null, 204);
    if (deps.validateResponses) validateResponse(route, result);
    if (endpoint.etag) {
      const etag = etagOf(result);
      c.header('etag', etag);
      const ifNoneMatch = c.req.header('if-none-match');
      if (!isWrite && ifNoneMatch && etagMatches(ifNoneMatch, etag)) return c.body(null, 304);
    }
    return c.json(result as object, endpoint.creates ? 201 : 200);
  };
}
