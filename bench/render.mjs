#!/usr/bin/env node
// Render cost of <billingone-team> and <billingone-audit-log> over a large organization.
//
// Starts the reference server in this process (PGlite in memory, the demo seed), serves a page with an
// esbuild bundle of the two elements' define files on the same origin (cookie session), and drives
// Chromium (playwright-core). For each section it prints the median over BENCH_RUNS page loads of the
// time from "data ready" (the first page's response received: its Resource Timing `responseEnd`) to
// "painted" (rows in the shadow DOM, then the next animation frame), and the table rows in the DOM.
// It measures the demo organization first, then adds BENCH_MEMBERS members (10,000) and
// BENCH_AUDIT_ROWS audit entries (200,000) with the server's `seedLarge` and measures again, then pages
// forward BENCH_PAGES times: the DOM row count must not grow with the total nor with the pages loaded.
//
// Needs `pnpm -r build` (core and server dist) and Chromium (/usr/bin/chromium or CHROME_PATH).
// Exits 1 when it cannot run or when a row bound is exceeded; timings are reported, not judged.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const env = process.env;
const runs = positive('BENCH_RUNS', 5);
const extraMembers = positive('BENCH_MEMBERS', 10_000);
const auditRows = positive('BENCH_AUDIT_ROWS', 200_000);
const pages = positive('BENCH_PAGES', 10);
/** The most rows each table may hold: one page of members; the audit log's default `max-rows`. */
const rowBounds = { team: 50, 'audit-log': 200 };

function positive(name, fallback) {
  const value = env[name] === undefined ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a positive whole number, got ${JSON.stringify(env[name])}.`);
    process.exit(1);
  }
  return value;
}

for (const [file, what] of [
  ['packages/server/dist/index.js', 'the reference server'],
  ['packages/core/dist/index.js', 'the core package'],
]) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`${file} is missing (${what}): run \`pnpm -r build\` first.`);
    process.exit(1);
  }
}
if (!existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}

// The page: both elements and a measuring function, bundled from the elements' sources.
const pageScript = `
import './team/define.js';
import './audit-log/define.js';
import { createSettingsClient } from '@billingone/settings-core';

const sections = {
  team: { tag: 'billingone-team', rows: 'tr[data-member]', path: '/v1/members', more: 'Next' },
  'audit-log': { tag: 'billingone-audit-log', rows: 'tr[data-entry]', path: '/v1/audit-logs', more: 'Load more' },
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

async function settle(element, selector, before) {
  for (let i = 0; i < 600; i++) {
    await frame();
    const button = [...element.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === selector);
    const range = element.shadowRoot.querySelector('.pager span')?.textContent;
    if ((!button || !button.disabled) && range !== before) return;
  }
  throw new Error('The section did not show the next page within 10 s.');
}

window.benchMeasure = async (name, pagesForward) => {
  const section = sections[name];
  performance.clearResourceTimings();
  const element = document.createElement(section.tag);
  element.locale = 'en';
  element.client = createSettingsClient({ baseUrl: location.origin });
  let rendered = 0;
  const painted = new Promise((resolve) => {
    document.body.append(element);
    const observer = new MutationObserver(() => {
      if (rendered || !element.shadowRoot.querySelector(section.rows)) return;
      rendered = performance.now();
      observer.disconnect();
      frame().then(resolve);
    });
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
  });
  const paintedAt = await painted;
  const response = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === section.path);
  if (!response) throw new Error('No request to ' + section.path + ' was recorded.');
  const result = {
    renderMs: rendered - response.responseEnd,
    paintMs: paintedAt - response.responseEnd,
    rows: element.shadowRoot.querySelectorAll(section.rows).length,
    elements: element.shadowRoot.querySelectorAll('*').length,
  };
  for (let i = 0; i < pagesForward; i++) {
    const button = [...element.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === section.more);
    if (!button || button.disabled) break;
    const before = element.shadowRoot.querySelector('.pager span')?.textContent;
    button.click();
    await settle(element, section.more, before);
  }
  result.rowsAfterPaging = element.shadowRoot.querySelectorAll(section.rows).length;
  result.range = element.shadowRoot.querySelector('.pager span')?.textContent.trim();
  element.remove();
  return result;
};
`;
const built = await esbuild.build({
  stdin: { contents: pageScript, resolveDir: `${root}packages/elements/src`, sourcefile: 'bench-page.ts', loader: 'ts' },
  tsconfig: `${root}packages/elements/tsconfig.json`,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  write: false,
  logLevel: 'silent',
});
const bundle = built.outputFiles[0].contents;
const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>render bench</title></head><body><script type="module" src="/bench.js"></script></body></html>';

// The reference server, in this process.
const server = await import(pathToFileURL(`${root}packages/server/dist/index.js`).href);
const db = await server.openDatabase({ dataDir: 'memory://' });
const secrets = server.createSecretBox(randomBytes(32));
const seeded = await server.seed(db);
const owner = seeded.members.find((member) => member.role === 'owner');

const http = createServer((req, res) => {
  if (req.url === '/' || req.url === '/bench.js') {
    res.writeHead(200, { 'content-type': req.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
    res.end(req.url === '/' ? page : bundle);
    return;
  }
  answer(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${http.address().port}`;
const app = server.createSettingsApi({ db, secrets, publicUrl: origin, logger: { info() {}, warn() {}, error: console.error } });

/** Node request → fetch Request → the Hono app → Node response. */
async function answer(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) for (const item of [value].flat()) if (item !== undefined) headers.append(name, item);
  const body = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  const response = await app.fetch(new Request(new URL(req.url, origin), { method: req.method, headers, body }));
  const out = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  res.writeHead(response.status, out);
  if (response.body) for await (const chunk of response.body) res.write(chunk);
  res.end();
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
let failed = false;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(origin);
  await tab.waitForFunction(() => typeof window.benchMeasure === 'function');
  const signedIn = await tab.evaluate(async ({ email, password }) => {
    const response = await fetch('/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return response.status;
  }, { email: owner.email, password: seeded.password });
  if (signedIn !== 200) throw new Error(`Sign-in as ${owner.email} answered ${signedIn}.`);

  const count = async (sql) => Number((await db.query(sql)).rows[0].n);
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const results = [];
  async function measureAll(label) {
    const totals = { team: await count('SELECT count(*) AS n FROM members'), 'audit-log': await count('SELECT count(*) AS n FROM audit_logs') };
    for (const section of ['team', 'audit-log']) {
      await tab.evaluate((name) => window.benchMeasure(name, 0), section); // warm-up, not counted
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await tab.evaluate((name) => window.benchMeasure(name, 0), section));
      const paged = await tab.evaluate(({ name, forward }) => window.benchMeasure(name, forward), { name: section, forward: pages });
      results.push({
        label,
        section,
        total: totals[section],
        render: median(samples.map((sample) => sample.renderMs)),
        paint: median(samples.map((sample) => sample.paintMs)),
        rows: samples[0].rows,
        elements: samples[0].elements,
        rowsAfterPaging: paged.rowsAfterPaging,
        range: paged.range,
      });
    }
  }

  await measureAll('demo');
  const started = performance.now();
  await server.seedLarge(db, { members: extraMembers, auditRows, orgId: seeded.orgId });
  console.log(`Added ${extraMembers.toLocaleString('en')} members and ${auditRows.toLocaleString('en')} audit entries in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  await measureAll('large');

  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`Median of ${runs} loads; "after paging" = ${pages} × Next (team) / Load more (audit log).\n`);
  console.log('| section | rows on server | data → rendered | data → painted | rows in DOM | shadow DOM elements | rows after paging (range shown) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    console.log(`| ${r.section} (${r.label}) | ${r.total.toLocaleString('en')} | ${fmt(r.render)} | ${fmt(r.paint)} | ${r.rows} | ${r.elements} | ${r.rowsAfterPaging} (${r.range}) |`);
  }
  for (const section of ['team', 'audit-log']) {
    const [small, large] = results.filter((r) => r.section === section);
    const bound = rowBounds[section];
    const ok = large.rows <= bound && large.rowsAfterPaging <= bound && small.rowsAfterPaging <= bound;
    console.log(
      `\n${section}: ${large.total.toLocaleString('en')} rows on the server (×${(large.total / small.total).toFixed(0)}), ${large.rows} in the DOM, ${large.rowsAfterPaging} after paging — bound ${bound}: ${ok ? 'PASS' : 'OVER'}; paint ${fmt(small.paint)} → ${fmt(large.paint)}.`,
    );
    if (!ok) failed = true;
  }
} finally {
  await browser.close();
  await new Promise((resolve) => http.close(resolve));
  await db.close();
}
process.exit(failed ? 1 : 0);
