import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { Db } from './types.js';

/** Applies, in order and each in its own transaction, the migrations not yet recorded in `schema_migrations`. */
export async function migrate(db: Db, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.version === ordered[i - 1]!.version) throw new Error(`Two migrations share version ${ordered[i]!.version}`);
  }
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of ordered) {
    const done = await db.transaction(async (tx) => {
      // Serialises concurrent starts against one PostgreSQL database.
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(724311)');
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
