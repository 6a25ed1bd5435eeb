import type { TargetCredentials } from './credentials.js';
import type { ApiClient } from './http.js';
import type { Pax8Connection } from './scenarios/pax8-connection.js';
import type { Sessions } from './sessions.js';
import type { Snapshot } from './snapshot.js';

/** What the checks and scenarios share for one run against one target. */
export interface Context {
  client: ApiClient;
  sessions: Sessions;
  credentials: TargetCredentials;
  pax8: Pax8Connection;
  /** The target's clock when the run started, less a minute: the audit filter for "this run". */
  startedAt: string;
  /** The origin browsers use for the API, as WebAuthn client data names it. */
  origin: string;
  /** The target as the run found it. */
  initial: Snapshot;
}
