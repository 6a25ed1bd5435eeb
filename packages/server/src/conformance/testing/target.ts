import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCredentials, type TargetCredentials } from './credentials.js';
import { demoCredentials } from './defaults.js';

/** The server under test. */
export interface Target {
  /** Origin of the API (requests go to `<baseUrl>/v1/…`). */
  baseUrl: string;
  /** The origin browsers use for the API, as WebAuthn client data names it. */
  origin: string;
  credentials: TargetCredentials;
  /** Where it came from, for the report. */
  description: string;
  close(): Promise<void>;
}

/**
 * `CONFORMANCE_BASE_URL` when set (credentials from the `CONFORMANCE_CREDENTIALS` file, or the
 * reference demo's; `CONFORMANCE_ORIGIN` when browsers reach it elsewhere, behind a proxy say),
 * otherwise a reference server started in this process on a fresh database.
 */
export async function openTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const baseUrl = env.CONFORMANCE_BASE_URL;
  if (!baseUrl) {
    const { startInProcessTarget } = await import('./in-process.js');
    return startInProcessTarget();
  }
  let credentials = demoCredentials;
  if (env.CONFORMANCE_CREDENTIALS) {
    const file = resolve(env.CONFORMANCE_CREDENTIALS);
    credentials = parseCredentials(JSON.parse(await readFile(file, 'utf8')), file);
  }
  const origin = new URL(env.CONFORMANCE_ORIGIN ?? baseUrl).origin;
  return { baseUrl, origin, credentials, description: baseUrl, close: async () => {} };
}
