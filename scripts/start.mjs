#!/usr/bin/env node
// `npm start`: installs the workspace, builds it and starts the demo: the reference server on PGlite
// (data kept in .data/) with the Pax8 and Xero simulators and the PanelOne-style host.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installWorkspace, pnpm, root, run } from './lib/toolchain.mjs';

await installWorkspace();
if ((await pnpm(['-r', 'build'])).code !== 0) {
  console.error('Build failed.');
  process.exit(1);
}
const host = join(root, 'examples/panelone-host/server.mjs');
const server = join(root, 'packages/server/bin/serve.mjs');
const entry = existsSync(host) ? host : server;
const { code } = await run(process.execPath, [entry, ...process.argv.slice(2)]);
process.exit(code);
