import { randomBytes, randomUUID } from 'node:crypto';
import type { XeroConnectionWire, XeroTokenResponseWire } from '../providers/xero-types.js';
import type { RateLimitOnce, RecordedRequest } from './common.js';
import { signJwt } from './jwt.js';
import type { XeroTenant } from './xero-data.js';

/** Xero's documented lifetimes. */
export const XERO_ACCESS_TOKEN_SECONDS = 1800;
export const XERO_REFRESH_TOKEN_DAYS = 60;
export const XERO_CODE_SECONDS = 300;
export const XERO_CONSENT_SECONDS = 900;
export const XERO_ID_TOKEN_SECONDS = 300;

export interface XeroMode {
  /** The token and revocation endpoints refuse every client with `invalid_client`. */
  badCredentials?: boolean;
  /**
   * The user removed the app in Xero: refreshing answers `invalid_grant`, `/connections` is empty
   * and the API answers 403 for every grant issued so far (a new consent works again).
   */
  revokedGrant?: boolean;
  /** The `atRequest`-th organisation API call after this is set gets 429, once. */
  rateLimitOnce?: RateLimitOnce;
  /** Every request fails with this 5xx status (`true` = 503). */
  failWith5xx?: boolean | number;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
}

export interface XeroClientRecord {
  secret: string;
  name: string;
  /** Exact redirect URIs; undefined allows any http(s) loopback URL (the demo app). */
  redirectUris: readonly string[] | undefined;
}

export interface PendingConsent {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | undefined;
  createdAt: number;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | undefined;
  tenantIds: string[];
  createdAt: number;
  used: boolean;
}

export interface Grant {
  id: string;
  clientId: string;
  scopes: string[];
  authEventId: string;
  /** Grants issued before `revokedGrant` was switched on count as revoked while it is on. */
  issuedInEpoch: number;
  revoked: boolean;
}

interface RefreshTokenRecord {
  grantId: string;
  used: boolean;
  expiresAt: number;
}

interface AccessTokenRecord {
  grantId: string;
  expiresAt: number;
}

interface ConnectionRecord {
  id: string;
  clientId: string;
  tenantId: string;
  grantId: string;
  authEventId: string;
  createdAt: number;
  updatedAt: number;
}

export const XERO_USER = {
  userId: 'c0a8e1f2-5b9d-4c57-9a31-7e2f64b1d0aa',
  email: 'finance@acme-msp.example',
  givenName: 'Alex',
  familyName: 'Morgan',
};

const SIGNING_SECRET = 'xero-simulator-signing-key';

export type XeroState = ReturnType<typeof createXeroState>;

/** Everything the Xero simulator remembers, and the rules that read and change it. */
export function createXeroState(options: { now: () => number; tenants: XeroTenant[]; userTenantIds: string[] }) {
  const { now, tenants } = options;
  const clients = new Map<string, XeroClientRecord>();
  const pending = new Map<string, PendingConsent>();
  const codes = new Map<string, AuthorizationCode>();
  const grants = new Map<string, Grant>();
  const refreshTokens = new Map<string, RefreshTokenRecord>();
  const accessTokens = new Map<string, AccessTokenRecord>();
  const connections = new Map<string, ConnectionRecord>();
  const requests: RecordedRequest[] = [];
  const tenantCalls = new Map<string, number[]>();
  let mode: XeroMode = {};
  let revokedEpoch = -1;
  let epoch = 0;
  let callsSinceOnce = 0;
  let onceFired = false;

  const opaque = () => randomBytes(32).toString('base64url');

  const grantIsLive = (grant: Grant) => !grant.revoked && !(mode.revokedGrant && grant.issuedInEpoch <= revokedEpoch);

  function issueTokens(grant: Grant, authTime: number): XeroTokenResponseWire {
    const issuedAt = Math.floor(now() / 1000);
    const accessToken = signJwt(
      {
        nbf: issuedAt,
        exp: issuedAt + XERO_ACCESS_TOKEN_SECONDS,
        iss: 'https://identity.xero.com',
        aud: 'https://identity.xero.com/resources',
        client_id: grant.clientId,
        sub: XERO_USER.userId,
        auth_time: Math.floor(authTime / 1000),
        xero_userid: XERO_USER.userId,
        global_session_id: grant.id,
        jti: randomUUID(),
        authentication_event_id: grant.authEventId,
        scope: grant.scopes,
      },
      SIGNING_SECRET,
    );
    accessTokens.set(accessToken, { grantId: grant.id, expiresAt: now() + XERO_ACCESS_TOKEN_SECONDS * 1000 });
    const body: XeroTokenResponseWire = {
      access_token: accessToken,
      expires_in: XERO_ACCESS_TOKEN_SECONDS,
      token_type: 'Bearer',
      scope: grant.scopes.join(' '),
    };
    if (grant.scopes.includes('openid')) {
      body.id_token = signJwt(
        {
          nbf: issuedAt,
          exp: issuedAt + XERO_ID_TOKEN_SECONDS,
          iss: 'https://identity.xero.com',
          aud: grant.clientId,
          iat: issuedAt,
          auth_time: Math.floor(authTime / 1000),
          sub: XERO_USER.userId,
          xero_userid: XERO_USER.userId,
          global_session_id: grant.id,
          ...(grant.scopes.includes('email') ? { email: XERO_USER.email, preferred_username: XERO_USER.email } : {}),
          ...(grant.scopes.includes('profile')
            ? {
                given_name: XERO_USER.givenName,
                family_name: XERO_USER.familyName,
                name: `${XERO_USER.givenName} ${XERO_USER.familyName}`,
              }
            : {}),
        },
        SIGNING_SECRET,
      );
    }
    if (grant.scopes.includes('offline_access')) {
      const refreshToken = opaque();
      refreshTokens.set(refreshToken, {
        grantId: grant.id,
        used: false,
        expiresAt: now() + XERO_REFRESH_TOKEN_DAYS * 86_400_000,
      });
      body.refresh_token = refreshToken;
    }
    return body;
  }

  return {
    now,
    tenants,
    userTenantIds: options.userTenantIds,
    clients,
    requests,
    get mode(): XeroMode {
      return mode;
    },
    setMode(next: XeroMode) {
      const merged: Record<string, unknown> = { ...mode };
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === false) delete merged[key];
        else merged[key] = value;
      }
      mode = merged as XeroMode;
      if (next.revokedGrant) revokedEpoch = epoch++;
      if ('rateLimitOnce' in next) {
        callsSinceOnce = 0;
        onceFired = false;
      }
    },

    /** Starts a consent; returns the id the consent form posts back. */
    beginConsent(consent: Omit<PendingConsent, 'createdAt'>): string {
      const id = opaque();
      pending.set(id, { ...consent, createdAt: now() });
      return id;
    },
    takeConsent(id: string): PendingConsent | undefined {
      const consent = pending.get(id);
      if (!consent) return undefined;
      if (now() - consent.createdAt > XERO_CONSENT_SECONDS * 1000) {
        pending.delete(id);
        return undefined;
      }
      return consent;
    },
    finishConsent(id: string) {
      pending.delete(id);
    },

    issueCode(consent: PendingConsent, tenantIds: string[]): string {
      const code = opaque();
      codes.set(code, {
        clientId: consent.clientId,
        redirectUri: consent.redirectUri,
        scopes: consent.scopes,
        codeChallenge: consent.codeChallenge,
        tenantIds,
        createdAt: now(),
        used: false,
      });
      return code;
    },
    findCode(code: string): AuthorizationCode | undefined {
      return codes.get(code);
    },
    codeExpired(record: AuthorizationCode): boolean {
      return now() - record.createdAt > XERO_CODE_SECONDS * 1000;
    },

    /** Redeems a code: a new grant, its connections, and the token response. */
    redeemCode(record: AuthorizationCode): XeroTokenResponseWire {
      record.used = true;
      const grant: Grant = {
        id: randomUUID(),
        clientId: record.clientId,
        scopes: record.scopes,
        authEventId: randomUUID(),
        issuedInEpoch: epoch,
        revoked: false,
      };
      grants.set(grant.id, grant);
      for (const tenantId of record.tenantIds) {
        const existing = [...connections.values()].find((c) => c.clientId === grant.clientId && c.tenantId === tenantId);
        if (existing) {
          existing.grantId = grant.id;
          existing.authEventId = grant.authEventId;
          existing.updatedAt = now();
        } else {
          const id = randomUUID();
          connections.set(id, {
            id,
            clientId: grant.clientId,
            tenantId,
            grantId: grant.id,
            authEventId: grant.authEventId,
            createdAt: now(),
            updatedAt: now(),
          });
        }
      }
      return issueTokens(grant, now());
    },

    /** Rotates a refresh token, or says why it cannot. */
    refresh(
      refreshToken: string,
      clientId: string,
    ): XeroTokenResponseWire | { error: 'invalid_grant'; description: string } {
      const record = refreshTokens.get(refreshToken);
      const grant = record ? grants.get(record.grantId) : undefined;
      if (!record || !grant || grant.clientId !== clientId) {
        return { error: 'invalid_grant', description: 'The refresh token is not known.' };
      }
      if (record.used) return { error: 'invalid_grant', description: 'The refresh token has already been used.' };
      if (record.expiresAt <= now()) return { error: 'invalid_grant', description: 'The refresh token has expired.' };
      if (!grantIsLive(grant)) return { error: 'invalid_grant', description: 'The grant has been revoked.' };
      record.used = true;
      return issueTokens(grant, now());
    },

    /** Revokes the grant a refresh token belongs to and removes the connections it made. */
    revoke(refreshToken: string, clientId: string): void {
      const record = refreshTokens.get(refreshToken);
      const grant = record ? grants.get(record.grantId) : undefined;
      if (!grant || grant.clientId !== clientId) return;
      grant.revoked = true;
      for (const [id, connection] of connections) {
        if (connection.grantId === grant.id) connections.delete(id);
      }
    },

    /** The grant behind a bearer token, or why there is none. */
    authenticate(token: string | undefined): { grant: Grant } | { problem: 'missing' | 'expired'; expiredAt?: number } {
      const record = token === undefined ? undefined : accessTokens.get(token);
      const grant = record ? grants.get(record.grantId) : undefined;
      if (!record || !grant) return { problem: 'missing' };
      if (record.expiresAt <= now()) return { problem: 'expired', expiredAt: record.expiresAt };
      return { grant };
    },

    grantIsLive,

    /** The connections a live grant can see (all of its user's connections to that app). */
    connectionsFor(grant: Grant): XeroConnectionWire[] {
      if (!grantIsLive(grant)) return [];
      const byTenant = new Map(tenants.map((t) => [t.tenantId, t]));
      return [...connections.values()]
        .filter((c) => c.clientId === grant.clientId)
        .map((c) => ({
          id: c.id,
          authEventId: c.authEventId,
          tenantId: c.tenantId,
          tenantType: 'ORGANISATION' as const,
          tenantName: byTenant.get(c.tenantId)?.tenantName ?? '',
          createdDateUtc: identityTimestamp(c.createdAt),
          updatedDateUtc: identityTimestamp(c.updatedAt),
        }));
    },
    deleteConnection(grant: Grant, id: string): boolean {
      const connection = connections.get(id);
      if (!connection || connection.clientId !== grant.clientId || !grantIsLive(grant)) return false;
      connections.delete(id);
      return true;
    },

    /** Counts an organisation API call; answers why it must be refused (429) if it must. */
    admitTenantCall(
      tenantId: string,
    ): { ok: true; minuteRemaining: number; dayRemaining: number } | { ok: false; problem: 'minute' | 'day'; retryAfterSeconds: number } {
      callsSinceOnce++;
      if (mode.rateLimitOnce && !onceFired && callsSinceOnce === mode.rateLimitOnce.atRequest) {
        onceFired = true;
        return { ok: false, problem: 'minute', retryAfterSeconds: mode.rateLimitOnce.retryAfterSeconds };
      }
      const t = now();
      const calls = (tenantCalls.get(tenantId) ?? []).filter((at) => at > t - 86_400_000);
      tenantCalls.set(tenantId, calls);
      const lastMinute = calls.filter((at) => at > t - 60_000);
      if (calls.length >= 5000) {
        return { ok: false, problem: 'day', retryAfterSeconds: Math.ceil(((calls[0] ?? t) + 86_400_000 - t) / 1000) };
      }
      if (lastMinute.length >= 60) {
        return { ok: false, problem: 'minute', retryAfterSeconds: Math.max(1, Math.ceil(((lastMinute[0] ?? t) + 60_000 - t) / 1000)) };
      }
      calls.push(t);
      return { ok: true, minuteRemaining: 60 - lastMinute.length - 1, dayRemaining: 5000 - calls.length };
    },

    expireAccessTokens() {
      for (const record of accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now());
    },
    expireRefreshTokens() {
      for (const record of refreshTokens.values()) record.expiresAt = Math.min(record.expiresAt, now());
    },
    listConnections() {
      return [...connections.values()].map((c) => ({ ...c }));
    },

    reset() {
      mode = {};
      revokedEpoch = -1;
      epoch = 0;
      callsSinceOnce = 0;
      onceFired = false;
      for (const map of [pending, codes, grants, refreshTokens, accessTokens, connections, tenantCalls]) map.clear();
      requests.length = 0;
    },
  };
}

/** Xero's identity timestamps: UTC, seven fractional digits, no zone designator. */
function identityTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000`;
}
