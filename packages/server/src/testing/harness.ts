import { randomBytes } from 'node:crypto';
import type { Role } from '@billingone/settings-core';
import { appState, createSettingsApi } from '../app/create-app.js';
import type { AppDeps } from '../app/deps.js';
import { newId, randomToken, sha256 } from '../app/ids.js';
import { createSession } from '../app/sign-in.js';
import { EMBED_TOKEN_PREFIX, SESSION_COOKIE } from '../app/actor.js';
import type { RouteModule } from '../app/routes.js';
import { truncateAll } from '../db/truncate.js';
import type { Db } from '../db/types.js';
import { createSecretBox, type SecretBox } from '../security/crypto.js';
import { openTestDatabase } from './database.js';
import { fixtureMembers, fixtureOrg, insertFixture, otherOrg, TEST_PASSWORD, type FixtureMember } from './fixture.js';

/** Credentials a request is sent with. */
export interface Credentials {
  headers: Record<string, string>;
}

export interface CookieSession extends Credentials {
  sessionId: string;
  token: string;
  csrfToken: string;
  /** `billingone_session=…` */
  cookie: string;
}

/**
 * Who sends a request: a fixture role (`'owner'`, …), a member's email, explicit credentials, or
 * `null` for nobody.
 */
export type As = Role | string | Credentials | null;

export interface RequestOptions {
  as?: As;
  /** JSON body (sent with `content-type: application/json`); a `Uint8Array` or string is sent as is. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON (or null for an empty body; the text for other types). */
  body: T;
  text: string;
  res: Response;
}

export interface TestClock {
  (): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: Date | string = '2026-11-24T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  const clock = (() => new Date(current)) as TestClock;
  clock.set = (date) => {
    current = new Date(date).getTime();
  };
  clock.advance = (ms) => {
    current += ms;
  };
  return clock;
}

export interface TestServerOptions {
  /** Extra or replaced dependencies (providers, webauthn, …). */
  deps?: Partial<Omit<AppDeps, 'db'>>;
  /** Route modules (defaults to every module of the app). */
  modules?: readonly RouteModule[];
}

export interface TestServer {
  app: ReturnType<typeof createSettingsApi>;
  db: Db;
  clock: TestClock;
  secrets: SecretBox;
  /** The fixture organization and its members (one per role); `other` is a second organization. */
  fixture: { org: typeof fixtureOrg; members: Readonly<Record<Role, FixtureMember>>; other: typeof otherOrg; password: string };
  /** Empties every table, puts the fixture back, resets the clock and forgets every rate-limit window. Call it in `beforeEach`. */
  reset(): Promise<void>;
  /** A cookie session for a fixture role or an email (created directly, cached until `reset`). */
  signIn(who: Role | string): Promise<CookieSession>;
  /** A bearer embed token for a member (created directly). */
  embedToken(who: Role | string, ttlSeconds?: number): Promise<Credentials & { token: string }>;
  /** A request to the app; paths are below `/v1` unless they start with `/v1/`. */
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** The member id of a role or email. */
  memberId(who: Role | string): Promise<string>;
  close(): Promise<void>;
}

/**
 * One app over one database for a test file: call it in `beforeAll`, `reset()` in `beforeEach`
 * and `close()` in `afterAll`. Runs on in-memory PGlite, or on PostgreSQL when `DATABASE_URL` is set.
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { db: appDb, dispose } = await openTestDatabase();
  const clock = createTestClock();
  const secrets = createSecretBox(randomBytes(32));
  const app = createSettingsApi(
    { db: appDb, secrets, clock, trustProxy: true, validateResponses: true, publicUrl: 'http://localhost', logger: quietLogger, ...options.deps },
    options.modules,
  );
  // What a test writes directly is seen by the app's next request, as a write through the API would be.
  const db = invalidatingActors(appDb, () => appState(app).actors.invalidate());
  let sessions = new Map<string, CookieSession>();

  async function memberId(who: Role | string): Promise<string> {
    const fixture = fixtureMembers[who as Role];
    if (fixture) return fixture.id;
    const { rows } = await db.query<{ id: string }>('SELECT id FROM members WHERE lower(email) = lower($1)', [who]);
    if (!rows[0]) throw new Error(`No member ${who}`);
    return rows[0].id;
  }

  async function signIn(who: Role | string): Promise<CookieSession> {
    const cached = sessions.get(who);
    if (cached) return cached;
    const id = await memberId(who);
    const session = await createSession(db, { memberId: id, method: 'password', ip: '203.0.113.7', userAgent: 'vitest', now: clock() });
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    const result: CookieSession = {
      sessionId: session.id,
      token: session.token,
      csrfToken: session.csrfToken,
      cookie,
      headers: { cookie, 'x-csrf-token': session.csrfToken },
    };
    sessions.set(who, result);
    return result;
  }

  async function embedToken(who: Role | string, ttlSeconds = 900) {
    const id = await memberId(who);
    const token = randomToken(EMBED_TOKEN_PREFIX);
    const now = clock();
    await db.query(
      `INSERT INTO embed_tokens (id, org_id, member_id, token_hash, created_at, expires_at)
       SELECT $1, org_id, id, $3, $4, $5 FROM members WHERE id = $2`,
      [newId('emb'), id, sha256(token), now, new Date(now.getTime() + ttlSeconds * 1000)],
    );
    return { token, headers: { authorization: `Bearer ${token}` } };
  }

  async function credentialsFor(as: As | undefined): Promise<Record<string, string>> {
    if (as === undefined || as === null) return {};
    if (typeof as === 'object') return as.headers;
    return (await signIn(as)).headers;
  }

  async function request(method: string, path: string, opts: RequestOptions = {}): Promise<TestResponse> {
    const url = new URL(path.startsWith('/v1/') || path === '/v1' ? path : `/v1${path}`, 'http://localhost');
    for (const [key, value] of Object.entries(opts.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'vitest', ...(await credentialsFor(opts.as)), ...opts.headers };
    let body: RequestInit["body"];
    if (opts.body instanceof Uint8Array || typeof opts.body === 'string') body = opts.body as RequestInit["body"];
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(url.toString(), { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (text === '') parsed = null;
    else if (type.includes('json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text, res };
  }

  return {
    app,
    db,
    clock,
    secrets,
    fixture: { org: fixtureOrg, members: fixtureMembers, other: otherOrg, password: TEST_PASSWORD },
    async reset() {
      sessions = new Map();
      clock.set('2026-11-24T09:00:00.000Z');
      appState(app).limiters.clear();
      await truncateAll(db);
      await insertFixture(db, clock());
    },
    signIn,
    embedToken,
    request,
    memberId,
    close: dispose,
  };
}

function invalidatingActors(db: Db, invalidate: () => void): Db {
  return {
    kind: db.kind,
    query: <R,>(sql: string, params?: readonly unknown[]) => db.query<R>(sql, params).finally(invalidate),
    exec: (sql) => db.exec(sql).finally(invalidate),
    transaction: (fn) => db.transaction(fn).finally(invalidate),
    close: () => db.close(),
  };
}

const quietLogger = {
  info() {},
  warn() {},
  error(message: string, fields?: Record<string, unknown>) {
    console.error(message, fields ?? '');
  },
};
