#!/usr/bin/env node
// Shrinks the static text of Lit `html`, `svg` and `css` tagged templates in built JavaScript: the
// indentation after each line break goes, line breaks stay (so line numbers and source maps keep
// their lines). JavaScript minifiers leave template text alone, so this is what removes it.
//   css:       a whitespace run holding a line break becomes that many line breaks (CSS strings
//              cannot hold a raw line break, so none is touched).
//   html/svg:  a whitespace run holding a line break becomes that many line breaks, except inside a
//              quoted attribute value; templates holding <pre> or <textarea> are left as they are.
// Usage: node scripts/minify-templates.mjs dist   (rewrites every .js file below the folder)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';

const markupTags = new Set(['html', 'svg']);
const untouchable = /<(pre|textarea)[\s>]/i;

/** Line breaks of a whitespace run, kept one for one. */
const breaksOf = (run) => '\n'.repeat(run.split('\n').length - 1);

/** CSS text: each whitespace run holding a line break becomes its line breaks alone (CSS strings cannot hold a raw line break). */
export function minifyCss(text) {
  return text.replace(/\s*\n\s*/g, breaksOf);
}

/**
 * Markup text split at its bindings (the template's static strings): indentation dropped outside
 * quoted attribute values. The tag and quote context carries over from one string to the next.
 */
export function minifyMarkup(strings) {
  let inTag = false;
  let quote = '';
  return strings.map((text) => {
    let out = '';
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (quote) {
        if (char === quote) quote = '';
        out += char;
        continue;
      }
      if (/\s/.test(char)) {
        let end = index;
        while (end < text.length && /\s/.test(text[end])) end++;
        const run = text.slice(index, end);
        out += run.includes('\n') ? breaksOf(run) : run;
        index = end - 1;
        continue;
      }
      if (inTag) {
        if (char === '"' || char === "'") quote = char;
        else if (char === '>') inTag = false;
      } else if (char === '<' && /[a-zA-Z/!]/.test(text[index + 1] ?? '')) {
        inTag = true;
      }
      out += char;
    }
    return out;
  });
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const item of value) walk(item, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** Rewrites the tagged templates of one module's code; returns the code unchanged when there are none. */
export function minifyTemplates(code) {
  const edits = [];
  walk(parseAst(code), (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const quasis = node.quasi.quasis;
    const raws = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
    let next;
    if (node.tag.name === 'css') next = raws.map(minifyCss);
    else if (markupTags.has(node.tag.name) && !untouchable.test(raws.join(''))) next = minifyMarkup(raws);
    else return;
    quasis.forEach((quasi, index) => {
      if (next[index] !== raws[index]) edits.push({ start: quasi.start, end: quasi.end, text: next[index] });
    });
  });
  if (edits.length === 0) return code;
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const { start, end, text } of edits) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

function jsFilesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsFilesUnder(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: minify-templates.mjs <folder>');
    process.exit(1);
  }
  let saved = 0;
  for (const path of jsFilesUnder(folder)) {
    const code = readFileSync(path, 'utf8');
    const next = minifyTemplates(code);
    if (next !== code) {
      writeFileSync(path, next);
      saved += code.length - next.length;
    }
  }
  console.log(`minify-templates: ${saved} characters of template whitespace removed below ${folder}`);
}
