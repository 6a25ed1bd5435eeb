// Writes openapi.json from the built package (run `tsc -p tsconfig.build.json` first; `pnpm openapi` does both).
// `--check` compares instead of writing and exits 1 when the committed document is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const distEntry = new URL('../dist/openapi.js', import.meta.url);
const target = fileURLToPath(new URL('../openapi.json', import.meta.url));

let core;
try {
  core = await import(distEntry.href);
} catch (error) {
  console.error(`Cannot load ${fileURLToPath(distEntry)}: build the package first (tsc -p tsconfig.build.json).\n${error.message}`);
  process.exit(1);
}
if (typeof core.buildOpenApiDocument !== 'function') {
  console.error('dist/openapi.js has no buildOpenApiDocument export: rebuild the package (tsc -p tsconfig.build.json).');
  process.exit(1);
}

const document = core.buildOpenApiDocument();
const text = `${JSON.stringify(document, null, 2)}\n`;
const operations = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('openapi.json is out of date: run `pnpm --filter @billingone/settings-core openapi`.');
    process.exit(1);
  }
  console.log(`openapi.json is up to date (${operations} operations).`);
} else {
  await writeFile(target, text);
  console.log(`Wrote openapi.json: ${Object.keys(document.paths).length} paths, ${operations} operations.`);
}
