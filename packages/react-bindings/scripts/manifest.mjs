// Where the elements package keeps its custom elements manifest (its package.json `customElements` field).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The elements package's package.json and its manifest (undefined when the package is not built yet). */
export async function readElementsManifest() {
  const packageJsonPath = fileURLToPath(import.meta.resolve('@billingone/settings-elements/package.json'));
  const packageJson = JSON.parse(await readFile(packageJsonPath, 'utf8'));
  const manifestPath = join(dirname(packageJsonPath), packageJson.customElements ?? 'custom-elements.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(await readFile(manifestPath, 'utf8')) : undefined;
  return { packageJson, manifestPath, manifest };
}
