import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../db/open.js';
import type { Db } from '../db/types.js';

export interface TestDatabase {
  db: Db;
  /** Closes the database (and drops it on PostgreSQL). */
  dispose(): Promise<void>;
}

/**
 * A database for one test file: in-memory PGlite, or, when `DATABASE_URL` is set, a new
 * PostgreSQL database created next to the one the URL names (test files run in parallel, each in
 * its own database) and dropped at the end.
 */
export async function openTestDatabase(databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!databaseUrl) {
    // Started from the migrated database the global setup archived (src/testing/global-setup.ts).
    const template = inject('pgliteTemplate');
    const loadDataDir = template ? new Blob([await readFile(template)]) : undefined;
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir });
    return { db, dispose: () => db.close() };
  }
  const name = `billingone_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    db,
    async dispose() {
      await db.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        // Connections the pool is still closing can linger a moment; wait for them before forcing.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 50 ? ' WITH (FORCE)' : ''}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
