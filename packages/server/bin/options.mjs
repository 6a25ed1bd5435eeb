// Shared by serve.mjs and seed.mjs: where the data lives and how to open the database.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `.data/` at the repository root unless BILLINGONE_DATA_DIR says otherwise. */
export function dataDir(env = process.env) {
  return resolve(env.BILLINGONE_DATA_DIR ?? fileURLToPath(new URL('../../../.data/', import.meta.url)));
}

export function databaseOptions(env = process.env) {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(dataDir(env), 'pglite') };
}

export function describeDatabase(env = process.env) {
  return env.DATABASE_URL ? `PostgreSQL (${new URL(env.DATABASE_URL).host})` : `PGlite in ${join(dataDir(env), 'pglite')}`;
}

export function printSignIns(log, members, password) {
  log('Sign in as (password for all: %s):', password);
  for (const member of members) log('  %s  %s', member.role.padEnd(9), member.email);
}
