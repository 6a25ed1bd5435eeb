import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const elementsSrc = fileURLToPath(new URL('../../elements/src/', import.meta.url));

/** The tags of the generated components. */
const elementTags = new Set(
  readdirSync(`${packageRoot}src/generated`).map((name) => /const tagName = '([a-z-]+)';/.exec(readFileSync(`${packageRoot}src/generated/${name}`, 'utf8'))![1]!),
);

/** The BillingOne elements registered by an app bundle that uses `names` from `specifier` (libraries left out). */
async function definedTags(specifier: string, names: string[]): Promise<string[]> {
  const entry = `import { ${names.join(', ')} } from '${specifier}';\nconsole.log(${names.join(', ')});\n`;
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: packageRoot,
    resolve: {
      alias: [
        { find: /^@billingone\/settings-react$/, replacement: `${packageRoot}src/index.ts` },
        { find: /^@billingone\/settings-react\/([a-z0-9-]+)$/, replacement: `${packageRoot}src/generated/$1.ts` },
        { find: /^@billingone\/settings-elements$/, replacement: `${elementsSrc}index.ts` },
        { find: /^@billingone\/settings-elements\/([a-z0-9-]+)$/, replacement: `${elementsSrc}$1/define.ts` },
      ],
    },
    build: {
      write: false,
      minify: true,
      rollupOptions: {
        input: 'virtual:app',
        external: [/^react/, /^lit/, /^@lit\//, /^@billingone\/settings-core/, /^@simplewebauthn\//, /^lean-qr/],
      },
    },
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === 'virtual:app' ? '\0app' : null),
        load: (id) => (id === '\0app' ? entry : null),
      },
    ],
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const code = outputs.flatMap((output) => output.output).map((file) => (file.type === 'chunk' ? file.code : '')).join('\n');
  // Every element registers itself with a literal tag: defineElement('billingone-…', Class), however minified.
  const registered = [...code.matchAll(/\(\s*["'`](billingone-[a-z-]+)["'`]\s*,/g)].map((match) => match[1]!);
  return [...new Set(registered)].filter((tag) => elementTags.has(tag)).sort();
}

describe('an app bundle', () => {
  it('holds only the elements whose components it imports from the package', async () => {
    expect(await definedTags('@billingone/settings-react', ['BillingoneProfile'])).toEqual(['billingone-profile']);
    expect(await definedTags('@billingone/settings-react', ['BillingoneTeam', 'BillingoneProvider'])).toEqual(['billingone-provider', 'billingone-team']);
  });

  it('holds only that element when it imports a component by its entry point', async () => {
    expect(await definedTags('@billingone/settings-react/sessions', ['BillingoneSessions'])).toEqual(['billingone-sessions']);
  });
});
