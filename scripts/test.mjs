#!/usr/bin/env node
// `npm test`: installs the workspace, builds it and runs every test suite (unit, server on PGlite and,
// when DATABASE_URL is set, on PostgreSQL too; browser tests in Chromium; end-to-end), then prints one
// closing line "N passed, N failed".
import { findChromium, installWorkspace, pnpm } from './lib/toolchain.mjs';

const chromium = findChromium({ install: true });
if (!chromium) {
  console.error('Chromium is needed for the browser tests: install it (Debian: apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
process.env.CHROME_PATH = chromium;

await installWorkspace();
if ((await pnpm(['-r', 'build'])).code !== 0) {
  console.error('Build failed.');
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
const pgliteEnv = { ...process.env };
delete pgliteEnv.DATABASE_URL;

// One suite per package, so that a failure in one never keeps the others from running.
const packageSuites = [
  ['core', '@billingone/settings-core', 'test'],
  ['server (PGlite)', '@billingone/settings-server', 'test'],
  ['elements (Chromium, against the reference server)', '@billingone/settings-elements', 'test'],
  ['React bindings', '@billingone/settings-react', 'test'],
  ['Storybook stories', '@billingone/stories', 'test'],
  ['demo end to end', '@billingone/example-panelone-host', 'test'],
  ['MSP React portal', '@billingone/example-msp-portal-react', 'test'],
  ['MSP React portal across origins (embed tokens)', '@billingone/example-msp-portal-react', 'test:e2e'],
];
const suites = packageSuites.map(([name, filter, script]) => ({ name, args: ['--filter', filter, script], env: pgliteEnv }));
if (databaseUrl) {
  suites.push({ name: 'server (PostgreSQL)', args: ['--filter', '@billingone/settings-server', 'test'], env: { ...process.env } });
}

let passed = 0;
let failed = 0;
const failures = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const { code, output } = await pnpm(suite.args, { env: suite.env, capture: true });
  // Vitest closes each run with "Tests  12 passed | 1 failed (13)".
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  for (const line of plain.matchAll(/^\s*Tests\s+(.*)$/gm)) {
    passed += Number(/(\d+) passed/.exec(line[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line[1])?.[1] ?? 0);
  }
  // node --test closes with "# pass 6" and "# fail 0".
  for (const line of plain.matchAll(/^# (pass|fail) (\d+)$/gm)) {
    if (line[1] === 'pass') passed += Number(line[2]);
    else failed += Number(line[2]);
  }
  if (code !== 0) failures.push(suite.name);
}

console.log('');
if (failures.length) console.log(`Failing: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
