#!/usr/bin/env node
// Weight of @billingone/settings-elements in a browser: esbuild bundle of the built package (dist/,
// what is published: run `pnpm -r build` first), minified, gzip -9, every dependency included (lit,
// core, zod/mini, ky, …).
//   (a) the shell with its first section (profile): the shell's entry chunk and the chunks the
//       profile section needs (other sections are lazy chunks, left out);
//   (b) everything: every element registered, one bundle;
//   plus each browser dependency: what it adds to (b) (the bundle with it, minus the bundle with it
//   left out) and the whole package alone (everything it exports, more than we use: zod/mini's
//   whole API with its locales is far heavier than the part our schemas pull in).
// Budgets: (a) ≤ 35 KB, (b) ≤ 60 KB. Prints PASS/OVER; exits 0 (budgets are read, not enforced here),
// 1 when the package is not built.
// `--why` lists the largest inputs of (b).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const elements = join(root, 'packages/elements');
const dist = join(elements, 'dist');
const why = process.argv.includes('--why');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

const sections = ['profile', 'security', 'sessions', 'notifications', 'organization', 'branding', 'team', 'integrations', 'audit-log', 'mfa-enrollment'];
const defineOf = (name) => join(dist, name, 'define.js');

const common = {
  absWorkingDir: elements,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'silent',
  // zod and ky are core's dependencies; let the bundler find them from here too.
  nodePaths: [join(root, 'packages/core/node_modules')],
};

function line(label, bytes, budget) {
  const verdict = budget === undefined ? '' : bytes <= budget * 1024 ? `  PASS (≤ ${budget} KB)` : `  OVER (budget ${budget} KB)`;
  console.log(`${label.padEnd(52)} ${kb(bytes).padStart(9)} gzip${verdict}`);
}

if (!existsSync(defineOf('settings'))) {
  console.error(`${defineOf('settings')} is missing: run \`pnpm -r build\` first.`);
  process.exit(1);
}
const missing = sections.filter((name) => !existsSync(defineOf(name)));
for (const name of missing) console.log(`skipped: ${name} (no dist/${name}/define.js)`);

// (a) The shell with its first section, code-split the way a host's bundler would.
{
  const result = await build({ ...common, entryPoints: [defineOf('settings')], splitting: true, outdir: join(elements, '.bench-out') });
  const outputs = result.metafile.outputs;
  const byPath = new Map(result.outputFiles.map((file) => [relative(elements, file.path), file]));
  const closure = (start, into = new Set()) => {
    if (into.has(start)) return into;
    into.add(start);
    for (const item of outputs[start]?.imports ?? []) if (item.kind === 'import-statement') closure(item.path, into);
    return into;
  };
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'dist/settings/define.js');
  const needed = closure(entry);
  // The profile section's code and its English strings (the shell fetches both when it opens it).
  for (const entryPoint of ['dist/profile/define.js', 'dist/i18n/en/profile.js']) {
    const chunk = Object.keys(outputs).find((path) => outputs[path].entryPoint === entryPoint);
    if (chunk) closure(chunk, needed);
    else console.log(`skipped: ${entryPoint} (not there yet); (a) leaves it out`);
  }
  let total = 0;
  for (const path of needed) total += gzip(byPath.get(path).text);
  line('(a) shell + first section (profile), split', total, 35);
  const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !needed.has(path));
  let lazyTotal = 0;
  for (const path of lazy) lazyTotal += gzip(byPath.get(path).text);
  line(`    lazy chunks left for later (${lazy.length})`, lazyTotal);
}

let everything;

// (b) Everything: the shell, the provider and every section present, one bundle, in English. The
// French and Arabic strings load only for those locales: they are measured on their own.
{
  const present = ['provider', 'settings', ...sections].filter((name) => existsSync(defineOf(name)));
  const contents = present.map((name) => `import './${name}/define.js';`).join('\n');
  const otherLanguages = {
    name: 'other-languages',
    setup(builder) {
      builder.onResolve({ filter: /^\.\/(fr|ar)\/[\w-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
  const bundleAll = (external = []) => build({ ...common, stdin: { contents, resolveDir: dist, sourcefile: 'all.js', loader: 'js' }, outfile: 'all.js', plugins: [otherLanguages], external });
  const result = await bundleAll();
  const text = result.outputFiles[0].text;
  everything = { gzip: gzip(text), bundleAll };
  line(`(b) everything (${present.length} elements), one bundle, English`, gzip(text), 60);
  console.log(`${''.padEnd(52)} ${kb(text.length).padStart(9)} minified`);
  for (const language of ['fr', 'ar']) {
    const folder = join(dist, 'i18n', language);
    const files = readdirSync(folder).filter((file) => file.endsWith('.js'));
    const strings = await build({
      ...common,
      stdin: { contents: files.map((file) => `export * as ${file.replace(/\W/g, '_')} from './${file}';`).join('\n'), resolveDir: folder, sourcefile: 'strings.js', loader: 'js' },
      outfile: 'strings.js',
    });
    line(`    + ${language} strings of every section, when used`, gzip(strings.outputFiles[0].text));
  }
  if (why) {
    const inputs = Object.entries(result.metafile.outputs['all.js'].inputs)
      .map(([path, info]) => ({ path: path.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''), bytes: info.bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes);
    const groups = new Map();
    for (const { path, bytes } of inputs) {
      const key = path.startsWith('dist/') ? path.split('/').slice(0, 2).join('/') : path.startsWith('../core/') ? path.split('/').slice(0, 4).join('/') : path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
      groups.set(key, (groups.get(key) ?? 0) + bytes);
    }
    console.log('\nlargest parts of (b), minified bytes before gzip:');
    for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${key.padEnd(60)} ${kb(bytes).padStart(9)}`);
  }
}

// Each browser dependency: its share of (b), and the whole package alone.
console.log('\ndependencies:                                          in (b)   whole package');
const dependencies = [
  ['lit', ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'], "export * from 'lit';"],
  ['@lit/context', ['@lit/context'], "export * from '@lit/context';"],
  ['ky', ['ky'], "export { default } from 'ky';"],
  ['zod/mini', ['zod', 'zod/*'], "export * from 'zod/mini';"],
  ['@simplewebauthn/browser', ['@simplewebauthn/browser'], "export * from '@simplewebauthn/browser';"],
  ['lean-qr', ['lean-qr', 'lean-qr/*'], "export * from 'lean-qr';"],
];
for (const [name, external, contents] of dependencies) {
  try {
    const without = await everything.bundleAll(external);
    const share = everything.gzip - gzip(without.outputFiles[0].text);
    const alone = await build({ ...common, stdin: { contents, resolveDir: dist, sourcefile: 'dep.js', loader: 'js' }, outfile: 'dep.js' });
    console.log(`  ${name.padEnd(50)} ${kb(share).padStart(9)} ${kb(gzip(alone.outputFiles[0].text)).padStart(11)}`);
  } catch (error) {
    console.log(`  ${name.padEnd(50)} could not be bundled: ${error.message.split('\n')[0]}`);
  }
}
