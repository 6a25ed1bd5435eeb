import type { EmbedToken } from './embed-token.js';

export interface PortalUser {
  id: string;
  name: string;
  email: string;
  title: string;
}

export interface PortalSession {
  user: PortalUser | null;
  /** Origin of the BillingOne Settings API the portal embeds. */
  billingoneApiUrl: string;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new PortalApiError(response.status, body?.message ?? `The portal answered ${response.status}.`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalApiError';
  }
}

export const portalApi = {
  session: () => call<PortalSession>('/api/session'),
  users: () => call<{ users: PortalUser[] }>('/api/users').then((answer) => answer.users),
  signIn: (userId: string) => call<{ user: PortalUser }>('/api/sign-in', { method: 'POST', body: JSON.stringify({ userId }) }).then((answer) => answer.user),
  signOut: () => call<void>('/api/sign-out', { method: 'POST', body: '{}' }),
  /** A BillingOne embed token for the signed-in portal user; `null` once the portal session has ended. */
  async billingoneToken(): Promise<EmbedToken | null> {
    try {
      return await call<EmbedToken>('/api/billingone-token', { method: 'POST', body: '{}' });
    } catch (error) {
      if (error instanceof PortalApiError && error.status === 401) return null;
      throw error;
    }
  },
};
