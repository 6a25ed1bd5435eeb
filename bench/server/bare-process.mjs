// The reference point: a bare Hono app on @hono/node-server (the API's own versions) that
// answers each case's JSON (the body the API gave for it) with c.json, without any database.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const { Hono } = require('hono');
const { serve } = require('@hono/node-server');

process.once('message', (bodies) => {
  const app = new Hono();
  for (const [name, body] of Object.entries(bodies)) app.get(`/bare/${name}`, (c) => c.json(body));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send({ type: 'ready', port: info.port }));
  process.on('message', (message) => {
    if (message?.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ id: message.id, cpuMs: (user + system) / 1000 });
    }
    if (message === 'stop') server.close(() => process.exit(0));
  });
});
process.on('disconnect', () => process.exit(0));
