#!/usr/bin/env node
// Seeds the demo organization. `--reset` empties every table first; `--members N --audit-rows M`
// then adds N members and M audit rows for benchmarks. Build first.
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, isSeeded, openDatabase, seed, seedLarge, truncateAll } from '../dist/index.js';
import { databaseOptions, describeDatabase, printSignIns } from './options.mjs';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    members: { type: 'string' },
    'audit-rows': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bin/seed.mjs [--reset] [--members N] [--audit-rows M]');
  process.exit(0);
}
const count = (name) => {
  const text = values[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return n;
};
const members = count('members');
const auditRows = count('audit-rows');

const db = await openDatabase(databaseOptions());
try {
  console.log('Database: %s', describeDatabase());
  if (values.reset) {
    await truncateAll(db);
    console.log('Emptied every table.');
  }
  if (await isSeeded(db)) {
    console.log('Already seeded (use --reset to start again).');
  } else {
    const result = await seed(db);
    console.log('Seeded %s.', 'Acme MSP');
    printSignIns(console.log, result.members, DEMO_PASSWORD);
    console.log('Organization API key (shown once, stored hashed): %s', result.apiKey);
  }
  if (members !== undefined || auditRows !== undefined) {
    const started = Date.now();
    const added = await seedLarge(db, { members: members ?? 0, auditRows: auditRows ?? 0 });
    console.log('Added %d members and %d audit rows in %ds.', added.members, added.auditRows, Math.round((Date.now() - started) / 1000));
  }
} finally {
  await db.close();
}
