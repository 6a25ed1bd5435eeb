#!/usr/bin/env node
// Writes the React wrappers (src/generated.ts and src/generated/<element>.ts) from the custom
// elements manifest of @billingone/settings-elements (build that package first: its build writes
// custom-elements.json). `--check` compares instead of writing and exits 1 when they are stale.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectElements, missingEntryPoints, renderBindings } from './bindings.mjs';
import { readElementsManifest } from './manifest.mjs';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

async function main() {
  const { packageJson, manifestPath, manifest } = await readElementsManifest();
  if (!manifest) {
    console.error(`${manifestPath} does not exist: build @billingone/settings-elements first (pnpm --filter @billingone/settings-elements build).`);
    return 1;
  }
  const files = renderBindings(manifest);
  const generatedDir = join(packageRoot, 'src/generated');
  const existing = existsSync(generatedDir) ? (await readdir(generatedDir)).map((name) => `src/generated/${name}`) : [];
  const extra = existing.filter((path) => !files.has(path));

  if (check) {
    const stale = [];
    for (const [path, text] of files) {
      const current = await readFile(join(packageRoot, path), 'utf8').catch(() => undefined);
      if (current !== text) stale.push(path);
    }
    stale.push(...extra);
    if (stale.length) {
      console.error(`Out of date: ${stale.join(', ')}. Run \`pnpm --filter @billingone/settings-react generate\`.`);
      return 1;
    }
    console.log(`The React wrappers are up to date (${files.size - 1} elements).`);
    return 0;
  }

  await mkdir(generatedDir, { recursive: true });
  for (const path of extra) await rm(join(packageRoot, path));
  for (const [path, text] of files) await writeFile(join(packageRoot, path), text);
  const elements = collectElements(manifest);
  console.log(`Wrote ${elements.length} React wrappers: ${elements.map((element) => element.componentName).join(', ')}.`);

  const missing = missingEntryPoints(elements, packageJson);
  if (missing.length) {
    console.error(`@billingone/settings-elements does not export ${missing.join(', ')}: each wrapper imports its element's entry point (the element's define module).`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
