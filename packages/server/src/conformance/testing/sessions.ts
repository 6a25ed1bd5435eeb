import { api, type EndpointResponse, type Role } from '@billingone/settings-core';
import type { Login } from './credentials.js';
import { CookieSession, type ApiClient } from './http.js';

export type Me = EndpointResponse<typeof api.me.get>;

/** Signs in over HTTP (`POST /auth/sign-in`, then `GET /auth/csrf`) and returns the cookie session. */
export async function signIn(client: ApiClient, role: Role, login: Login): Promise<CookieSession> {
  const session = new CookieSession(role, login.email);
  client.remember(login.password);
  const res = await client.send(api.auth.signIn, { body: login }, session);
  if (res.status !== 200) {
    throw new Error(`Signing in as ${role} (${login.email}) answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  if (res.json?.status !== 'signed_in') {
    throw new Error(`${login.email} (${role}) has a second factor enrolled; the suite needs members without one (see README.md).`);
  }
  const { csrfToken } = await client.must(api.auth.csrf, {}, session);
  session.csrfToken = csrfToken;
  client.remember(csrfToken, res.json.csrfToken, ...session.cookieValues);
  return session;
}

/** One long-lived session per role (signed in on first use), plus fresh ones for checks that end a session. */
export class Sessions {
  private readonly main = new Map<Role, Promise<CookieSession>>();
  private readonly profiles = new Map<Role, Promise<Me>>();

  constructor(
    private readonly client: ApiClient,
    private readonly logins: Record<Role, Login>,
  ) {}

  of(role: Role): Promise<CookieSession> {
    let session = this.main.get(role);
    if (!session) {
      session = signIn(this.client, role, this.logins[role]);
      session.catch(() => this.main.delete(role));
      this.main.set(role, session);
    }
    return session;
  }

  /**
   * Signs in again wherever the target ended a long-lived session: after a check that, on a
   * faulty target, may have ended one (so its failure does not spread), and before cleaning up.
   */
  async renew(): Promise<void> {
    for (const [role, pending] of [...this.main]) {
      const session = await pending.catch(() => null);
      if (session && (await this.client.send(api.auth.csrf, {}, session)).status === 200) continue;
      this.main.delete(role);
      this.profiles.delete(role);
      await this.of(role);
    }
  }

  /** A new session of the role's member, for a check that signs it out or terminates it. */
  fresh(role: Role): Promise<CookieSession> {
    return signIn(this.client, role, this.logins[role]);
  }

  /** `GET /me` of the role's member (read once). */
  me(role: Role): Promise<Me> {
    let me = this.profiles.get(role);
    if (!me) {
      me = this.of(role).then((session) => this.client.must(api.me.get, {}, session));
      me.catch(() => this.profiles.delete(role));
      this.profiles.set(role, me);
    }
    return me;
  }

  async memberId(role: Role): Promise<string> {
    return (await this.me(role)).member.id;
  }

  password(role: Role): string {
    return this.logins[role].password;
  }
}
