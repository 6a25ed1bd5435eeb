import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsApi } from '../app/create-app.js';
import { createSecretBox } from '../security/crypto.js';
import { DatabaseBusyError } from './errors.js';
import { openPglite } from './pglite.js';
import type { Db } from './types.js';

let db: Db;
beforeAll(async () => {
  db = await openPglite('memory://', undefined, 3);
});
afterAll(() => db.close());

describe('PGlite taking turns with the event loop', () => {
  it('answers statements in the order they were sent, one at a time', async () => {
    const answers = await Promise.all([1, 2, 3].map((n) => db.query<{ n: number }>('SELECT $1::int AS n', [n])));
    expect(answers.map((a) => a.rows[0]!.n)).toEqual([1, 2, 3]);
  });

  it('lets the loop serve sockets between queued statements', async () => {
    const server = createServer((socket) => socket.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const order: string[] = [];
    const statements = [1, 2, 3].map(async (n) => {
      await db.query('SELECT pg_sleep(0.05)');
      order.push(`statement ${n}`);
    });
    const ping = new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('data', () => {
        order.push('socket answered');
        socket.destroy();
        resolve();
      });
    });
    await Promise.all([...statements, ping]);
    server.close();
    expect(order.indexOf('socket answered')).toBeLessThan(order.indexOf('statement 3'));
  });

  it('refuses statements beyond its queue limit at once, and the API answers them 503 with Retry-After', async () => {
    const sent = [1, 2, 3, 4, 5].map((n) => db.query('SELECT $1::int AS n', [n]));
    const settled = await Promise.allSettled(sent);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
    expect(settled.filter((s) => s.status === 'rejected').every((s) => (s as PromiseRejectedResult).reason instanceof DatabaseBusyError)).toBe(true);

    const busy: Db = { ...db, query: () => Promise.reject(new DatabaseBusyError(500)) };
    const app = createSettingsApi({ db: busy, secrets: createSecretBox(Buffer.alloc(32, 1)) });
    const res = await app.request('/v1/me', { headers: { cookie: 'billingone_session=anything' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ status: 503, code: 'busy' });
  });
});
