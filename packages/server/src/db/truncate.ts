import type { Queryable } from './types.js';

/** Empties every table but `schema_migrations` (tests reset between cases with this). */
export async function truncateAll(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  if (rows.length === 0) return;
  await db.exec(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
