import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/database.js';
import { isUniqueViolation } from './errors.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { truncateAll } from './truncate.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

describe('migrations', () => {
  it('were applied in order once; running again applies nothing', async () => {
    const { rows } = await database.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    expect(await migrate(database.db)).toEqual([]);
  });

  it('roll a failing migration back entirely', async () => {
    const broken = { version: 9999, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' };
    await expect(migrate(database.db, [...migrations, broken])).rejects.toThrow();
    const { rows } = await database.db.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    expect(rows).toEqual([]);
    const { rows: recorded } = await database.db.query('SELECT 1 FROM schema_migrations WHERE version = 9999');
    expect(recorded).toEqual([]);
  });

  it('refuses two migrations with one version', async () => {
    await expect(migrate(database.db, [...migrations, { ...migrations[0]!, name: 'again' }])).rejects.toThrow(/share version/);
  });

  it('truncation empties the data and keeps the migration record', async () => {
    await database.db.query(
      "INSERT INTO organizations (id, name, slug, branding_updated_at, created_at, updated_at) VALUES ('org_x', 'X', 'x-org', now(), now(), now())",
    );
    await truncateAll(database.db);
    expect((await database.db.query('SELECT 1 FROM organizations')).rows).toEqual([]);
    expect((await database.db.query('SELECT 1 FROM schema_migrations')).rows.length).toBe(migrations.length);
  });
});

describe('isUniqueViolation', () => {
  it('recognises a unique-constraint error of this database', async () => {
    const insert = () =>
      database.db.query(
        "INSERT INTO organizations (id, name, slug, branding_updated_at, created_at, updated_at) VALUES ($1, 'X', 'same-slug', now(), now(), now())",
        [`org_${Math.random()}`],
      );
    await insert();
    const error = await insert().then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });
});
