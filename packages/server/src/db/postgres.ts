import pg from 'pg';
import type { Db, Queryable } from './types.js';

// int8 (count(*), sums) as numbers: counts in this API stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; 2–8 connections served this API best on small machines. */
  max?: number;
}

export async function openPostgres({ connectionString, max = 8 }: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that breaks (server restart, terminated backend) is dropped by the pool;
  // without a listener the error would end the process.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  // Fail at start, not at the first request, when the server cannot be reached.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await pool.query(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = {
        async query(sql, params) {
          const result = await client.query(sql, params as unknown[] | undefined);
          return { rows: result.rows };
        },
        async exec(sql) {
          await client.query(sql);
        },
      };
      try {
        await client.query('BEGIN');
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
