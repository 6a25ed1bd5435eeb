#!/usr/bin/env node
// Browser weight of @billingone/settings-core: bundles the built package (run `pnpm -r build` first)
// with every dependency, minified for the browser (esbuild, ESM), and gzips it at level 9.
// Budget: the whole public entry at most 20 KB gzip. Prints PASS or OVER and exits 0 either way;
// it exits 1 only when the package is not built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const coreDir = fileURLToPath(new URL('../packages/core/', import.meta.url));
const dist = `${coreDir}dist/`;
const budgetBytes = 20 * 1024;

if (!existsSync(`${dist}index.js`)) {
  console.error(`${dist}index.js is missing: run \`pnpm -r build\` first.`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bundles an entry given as source text; returns minified bytes, gzip bytes and the exports of the output. */
async function measure(contents, { external = [] } = {}) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: coreDir, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, exports: output.exports };
}

const index = JSON.stringify(`${dist}index.js`);
const schemas = JSON.stringify(`${dist}schemas/index.js`);
const whole = await measure(`export * from ${index};`);
const available = new Set(whole.exports);

const rows = [['core: whole entry (index.js)', whole, `budget ${kb(budgetBytes)}`]];
const skipped = [];

rows.push(['core: whole entry, own code (ky, zod external)', await measure(`export * from ${index};`, { external: ['ky', 'zod', 'zod/*'] }), 'what of the row above is ours']);
rows.push(['core: schemas only (schemas/index.js)', await measure(`export * from ${schemas};`), '']);

const clientExports = ['createSettingsClient', 'meEndpoints'];
const missing = clientExports.filter((name) => !available.has(name));
if (missing.length === 0) {
  rows.push(['client alone (createSettingsClient + me.get)', await measure(`export { ${clientExports.join(', ')} } from ${index};`), '']);
  rows.push([
    'client + stores (what every element takes)',
    await measure(`export { createSettingsClient, createSettingsStores, meEndpoints } from ${index};`),
    '',
  ]);
} else {
  skipped.push(`client alone: skipped, dist/index.js does not export ${missing.join(', ')} (build the package once the client is in).`);
}

rows.push(['ky alone', await measure(`export { default } from 'ky';`), '']);

const schemasWithoutZod = await measure(`export * from ${schemas};`, { external: ['zod', 'zod/*'] });
const schemasWithZod = rows.find(([name]) => name.startsWith('core: schemas only'))[1];
rows.push([
  'zod/mini for our schemas',
  { minified: schemasWithZod.minified - schemasWithoutZod.minified, gzip: schemasWithZod.gzip - schemasWithoutZod.gzip },
  'schemas bundle minus the same with zod external',
]);

const nameWidth = Math.max(...rows.map(([name]) => name.length));
const line = (name, minified, gzip, note) => `${name.padEnd(nameWidth)}  ${minified.padStart(10)}  ${gzip.padStart(10)}  ${note}`;
console.log(line('bundle (esbuild, browser, esm, minified)', 'minified', 'gzip -9', '').trimEnd());
for (const [name, size, note] of rows) console.log(line(name, kb(size.minified), kb(size.gzip), note).trimEnd());
for (const message of skipped) console.log(message);

const verdict = whole.gzip <= budgetBytes ? 'PASS' : 'OVER';
console.log(`\ncore whole entry: ${kb(whole.gzip)} gzip of ${kb(budgetBytes)} budget: ${verdict}`);
