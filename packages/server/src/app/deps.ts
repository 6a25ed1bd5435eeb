import type { SecretBox } from '../security/crypto.js';
import type { Db } from '../db/types.js';

/**
 * Provider clients the integration routes use (Pax8, Xero). The integration modules declare their
 * members by augmenting this interface:
 * `declare module '../app/deps.js' { interface AppProviders { pax8: Pax8Provider } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppProviders {}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** An invitation e-mail. */
export interface InvitationMessage {
  to: string;
  organizationName: string;
  inviterName: string | null;
  role: string;
  /** The secret of the link; only this message carries it. */
  token: string;
  /** Where the invitee accepts (`<publicUrl>/accept-invitation?token=…`), when a public URL is known. */
  acceptUrl: string | null;
  expiresAt: Date;
}

/** Sends the e-mails of the API. The default writes invitation links to the logger (development). */
export interface Mailer {
  sendInvitation(message: InvitationMessage): Promise<void>;
}

/** What `createSettingsApi` is built from. */
export interface AppDeps {
  db: Db;
  /** Seals secrets at rest (integration credentials, TOTP secrets). */
  secrets: SecretBox;
  /** The time source; tests move it. Defaults to the system clock. */
  clock?: () => Date;
  providers?: Partial<AppProviders>;
  webauthn?: { rpId: string; rpName: string; origins: string[] };
  /** Public base URL of the API (e.g. `http://127.0.0.1:8787`): same-origin requests skip CORS checks. */
  publicUrl?: string;
  logger?: Logger;
  mailer?: Mailer;
  /** Take the client IP from `X-Forwarded-For` (behind a trusted proxy, and in tests). */
  trustProxy?: boolean;
  /** Check every JSON response against its endpoint's response schema (tests and development). */
  validateResponses?: boolean;
  /**
   * How long a signed-in member looked up by session or embed token is reused (default 1000 ms;
   * 0 looks it up on every request). Writes through this app drop the cache at once; the window only
   * bounds how late a change made outside it (another process, direct SQL) is seen.
   */
  actorCacheMs?: number;
  /** Cookie `Secure` attribute; defaults to true when `publicUrl` is https. */
  secureCookies?: boolean;
}

/** `AppDeps` with defaults applied. */
export interface ResolvedDeps extends AppDeps {
  clock: () => Date;
  logger: Logger;
  mailer: Mailer;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.info(message, fields ?? ''),
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};

/** Development mailer: logs where the invitation link points (the token is part of the link). */
export function logMailer(logger: Logger): Mailer {
  return {
    async sendInvitation(message) {
      logger.info(`Invitation for ${message.to} (${message.role}) to ${message.organizationName}: ${message.acceptUrl ?? `token ${message.token}`}`);
    },
  };
}
