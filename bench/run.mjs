#!/usr/bin/env node
// `pnpm bench`: runs every benchmark of this folder in turn (or those named: `pnpm bench core-size`).
// Each prints its own figures; run `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));

let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.mjs$/, '')}\n`);
  const { status } = spawnSync(process.execPath, [`${here}${file}`], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
