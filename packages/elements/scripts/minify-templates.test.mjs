// Run with `node --test scripts/` (part of the package's `test` script).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyMarkup, minifyTemplates } from './minify-templates.mjs';

test('css text keeps its line breaks and loses its indentation', () => {
  assert.equal(minifyCss('\n  :host {\n    display: block;\n  }\n'), '\n:host {\ndisplay: block;\n}\n');
  assert.equal(minifyCss('a  b'), 'a  b');
});

test('markup keeps line breaks, drops indentation, leaves same-line spaces alone', () => {
  assert.deepEqual(minifyMarkup(['\n    <p class="x">\n      ', ' and  b\n    </p>\n  ']), ['\n<p class="x">\n', ' and  b\n</p>\n']);
});

test('quoted attribute values are left as written, also across a binding', () => {
  const strings = ['<p title="first\n      ', '\n      last">\n    text</p>'];
  assert.deepEqual(minifyMarkup(strings), ['<p title="first\n      ', '\n      last">\ntext</p>']);
});

test('only html, svg and css tagged templates change; <pre> and <textarea> templates stay', () => {
  const code = [
    'const a = html`\n    <div>\n      ${x ? html`\n        <b>é</b>` : y}\n    </div>`;',
    'const b = css`\n  :host {\n    color: red;\n  }`;',
    'const c = other`\n    keep`;',
    'const d = `\n    plain`;',
    'const e = html`\n    <textarea>\n  x</textarea>`;',
    'const f = html`\n  <pre>\n  x</pre>`;',
  ].join('\n');
  const expected = [
    'const a = html`\n<div>\n${x ? html`\n<b>é</b>` : y}\n</div>`;',
    'const b = css`\n:host {\ncolor: red;\n}`;',
    'const c = other`\n    keep`;',
    'const d = `\n    plain`;',
    'const e = html`\n    <textarea>\n  x</textarea>`;',
    'const f = html`\n  <pre>\n  x</pre>`;',
  ].join('\n');
  const result = minifyTemplates(code);
  assert.equal(result, expected);
  assert.equal(result.split('\n').length, code.split('\n').length);
});

test('escapes in template text are kept as written', () => {
  assert.equal(minifyTemplates('css`\n  a::before { content: "\\\\2014\\n  x"; }`'), 'css`\na::before { content: "\\\\2014\\n  x"; }`');
});

test('code without templates comes back unchanged', () => {
  const code = 'export const x = 1;\n';
  assert.equal(minifyTemplates(code), code);
});
