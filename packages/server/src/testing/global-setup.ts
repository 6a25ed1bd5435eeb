/**
 * Vitest global setup: builds one migrated in-memory PGlite database and archives it to a
 * temporary file; each test file starts its database from it (under a second) instead of creating
 * one (several seconds). Not used on PostgreSQL (`DATABASE_URL`).
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/open.js';
import { dumpPglite } from '../db/pglite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data dir archive ('' on PostgreSQL). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return async () => {};
  }
  const file = join(tmpdir(), `billingone-server-tests-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await writeFile(file, new Uint8Array(await (await dumpPglite(db)).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rm(file, { force: true });
}
