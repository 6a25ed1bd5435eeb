/**
 * Strict allow-list SVG sanitiser, without a DOM.
 *
 * The file is tokenised (tags, attributes, text, comments, CDATA, processing instructions) and a
 * new document is written from the tokens: only allow-listed elements and attributes survive,
 * every attribute value and text is entity-decoded, checked, and escaped again on output, so
 * nothing of the original markup reaches the result verbatim.
 *
 * Refused outright (the upload fails with a reason): invalid UTF-8, DOCTYPE or ENTITY
 * declarations (entity expansion, external entities), other `<!…>` declarations, malformed XML
 * (unclosed or mismatched tags, unquoted attributes, unknown entities), no `<svg>` root.
 *
 * Dropped silently (listed in `removed`): elements outside the allow-list with their whole
 * subtree (script, foreignObject, iframe, image, a, animate/set, metadata, anything namespaced…),
 * comments and processing instructions (including `<?xml-stylesheet?>`), `on*` attributes,
 * attributes outside the allow-list, `href`/`xlink:href` not starting with `#` (and `<use>`
 * elements pointing outside the document), values containing `javascript:`, `data:`, a
 * backslash (CSS escapes) or a CSS function other than colour/transform maths and local
 * `url(#id)`, and `<style>` elements (or `style` attributes) using `@import`, `@font-face`,
 * external `url(...)` or any of the above.
 */
export class SvgRejectedError extends Error {
  override name = 'SvgRejectedError';
}

export interface SanitizedSvg {
  svg: string;
  /** What was taken out, e.g. `<script>`, `onload on <svg>`; empty when nothing was. */
  removed: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

const ALLOWED_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feFuncR', 'feFuncG', 'feFuncB', 'feFuncA',
  'feComposite', 'feDropShadow', 'feFlood', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
]);

const ALLOWED_ATTRIBUTES = new Set([
  // identity and structure
  'id', 'class', 'style', 'version', 'xml:space', 'lang', 'xml:lang', 'role', 'aria-label', 'aria-hidden', 'aria-labelledby', 'focusable',
  'href', 'xlink:href',
  // geometry
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'd', 'points', 'pathLength',
  'viewBox', 'preserveAspectRatio', 'transform', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient',
  // paint
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow',
  'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'paint-order', 'vector-effect',
  'shape-rendering', 'color-interpolation', 'color-interpolation-filters', 'mix-blend-mode', 'isolation',
  // gradients, patterns, clipping
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  // text
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
  'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'startOffset', 'writing-mode', 'direction', 'unicode-bidi',
  // filters
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'type', 'values', 'operator',
  'k1', 'k2', 'k3', 'k4', 'flood-color', 'flood-opacity', 'radius', 'tableValues', 'slope', 'intercept', 'amplitude',
  'exponent', 'edgeMode',
  // style element
  'media',
]);

/** CSS functions that cannot fetch anything or run anything. `url` is handled on its own (local references only). */
const SAFE_CSS_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color',
  'matrix', 'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'rotate', 'skewx', 'skewy',
  'calc', 'min', 'max', 'clamp', 'blur', 'drop-shadow', 'brightness', 'contrast', 'grayscale', 'saturate', 'opacity',
  'cubic-bezier', 'steps', 'var', 'linear-gradient', 'radial-gradient', 'conic-gradient',
  // selectors in <style>
  'not', 'is', 'where', 'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type', 'lang',
]);

/** Attributes whose values are names or prose, never parsed as CSS (only the URL-scheme check applies). */
const PLAIN_TEXT_ATTRIBUTES = new Set([
  'id', 'class', 'lang', 'xml:lang', 'xml:space', 'role', 'aria-label', 'aria-hidden', 'aria-labelledby', 'focusable',
  'version', 'result', 'in', 'in2', 'type', 'mode', 'operator',
]);

type Attribute = [name: string, value: string];

function decodeUtf8(input: Uint8Array | string): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new SvgRejectedError('The SVG is not valid UTF-8 text.');
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&([^;\s&]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new SvgRejectedError('The SVG is not well-formed XML (a bare "&" must be written &amp;).');
    const named = NAMED_ENTITIES[ref];
    if (named !== undefined) return named;
    const numeric = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(ref);
    if (numeric) {
      const digits = numeric[1]!;
      const codePoint = digits.startsWith('x') ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
      const validXmlChar =
        codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd ||
        (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
      if (validXmlChar) return String.fromCodePoint(codePoint);
    }
    throw new SvgRejectedError(`The SVG uses an unknown or invalid entity "&${ref};".`);
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** Lowercase, with whitespace and control characters removed: how browsers read `java\tscript:` and friends. */
function squash(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
}

function hasDangerousScheme(value: string): boolean {
  const squashed = squash(value);
  return squashed.includes('javascript:') || squashed.includes('vbscript:') || squashed.includes('data:');
}

/** True when a CSS value or style sheet can fetch or run nothing: see the module comment. */
export function isSafeCss(css: string): boolean {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  if (text.includes('/*') || text.includes('\\')) return false;
  const squashed = squash(text);
  if (hasDangerousScheme(squashed)) return false;
  if (/@import|@font-face|@namespace|expression|behavior|-moz-binding/.test(squashed)) return false;
  const functions = squashed.matchAll(/([a-z0-9_-]*)\(/g);
  for (const match of functions) {
    const name = match[1]!;
    if (name === 'url') {
      const after = squashed.slice(match.index + match[0].length);
      if (!/^['"]?#[^'"()]*['"]?\)/.test(after)) return false;
      continue;
    }
    // `(` without a name: grouping in media queries or calc(); harmless.
    if (name !== '' && !SAFE_CSS_FUNCTIONS.has(name)) return false;
  }
  return true;
}

interface Frame {
  name: string;
  kept: boolean;
  /** Buffered `<style>` element: decided on its closing tag, once all of its text is known. */
  style?: { attributes: string; text: string };
}

class Writer {
  out = '';
  readonly removed = new Set<string>();
  readonly stack: Frame[] = [];
  rootSeen = false;
  rootClosed = false;

  remove(what: string) {
    this.removed.add(what);
  }

  private parentKept(): boolean {
    const parent = this.stack[this.stack.length - 1];
    return parent === undefined || parent.kept;
  }

  start(name: string, attributes: Attribute[], selfClosing: boolean) {
    if (this.rootClosed) throw new SvgRejectedError('The SVG has content after its root element.');
    const isRoot = !this.rootSeen;
    if (isRoot && name !== 'svg') throw new SvgRejectedError('The file does not have an <svg> root element.');
    this.rootSeen = true;

    const parent = this.stack[this.stack.length - 1];
    let kept = this.parentKept() && ALLOWED_ELEMENTS.has(name) && parent?.style === undefined;
    if (this.parentKept() && !kept) this.remove(`<${name}>`);

    let rendered = '';
    if (kept) {
      const result = this.attributes(name, attributes, isRoot);
      if (result === null) {
        kept = false;
        this.remove(`<${name}> with an external reference`);
      } else rendered = result;
    }

    if (name === 'style' && kept) {
      if (selfClosing) return;
      this.stack.push({ name, kept, style: { attributes: rendered, text: '' } });
      return;
    }
    if (kept) this.out += `<${name}${rendered}${selfClosing ? '/>' : '>'}`;
    if (selfClosing) {
      if (isRoot) this.rootClosed = true;
      return;
    }
    this.stack.push({ name, kept });
  }

  end(name: string) {
    const frame = this.stack.pop();
    if (!frame || frame.name !== name) throw new SvgRejectedError(`The SVG is not well-formed XML (unexpected </${name}>).`);
    if (frame.style) {
      if (isSafeCss(frame.style.text)) this.out += `<style${frame.style.attributes}>${escapeText(frame.style.text)}</style>`;
      else this.remove('<style> with external references or scripting');
    } else if (frame.kept) this.out += `</${name}>`;
    if (this.stack.length === 0) this.rootClosed = true;
  }

  text(text: string) {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      if (text.trim() !== '') throw new SvgRejectedError('The SVG has text outside its root element.');
      return;
    }
    if (frame.style) frame.style.text += text;
    else if (frame.kept) this.out += escapeText(text);
  }

  /** Sanitised attributes as markup, or null when the element itself must go (`<use>` of an external reference). */
  private attributes(element: string, attributes: Attribute[], isRoot: boolean): string | null {
    const seen = new Set<string>();
    let rendered = '';
    for (const [rawName, value] of attributes) {
      let name = rawName;
      // Namespace declarations: the root gets the SVG namespace below, and xlink:href becomes href.
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (name.toLowerCase().startsWith('on')) {
        this.remove(`${rawName} on <${element}>`);
        continue;
      }
      if (!ALLOWED_ATTRIBUTES.has(name)) {
        this.remove(`${rawName} on <${element}>`);
        continue;
      }
      if (name === 'xlink:href') name = 'href';
      if (name === 'href') {
        if (!value.trim().startsWith('#') || hasDangerousScheme(value) || /[\s"'()\\<>]/.test(value.trim())) {
          if (element === 'use') return null;
          this.remove(`${rawName} on <${element}>`);
          continue;
        }
      } else if (hasDangerousScheme(value) || (!PLAIN_TEXT_ATTRIBUTES.has(name) && !isSafeCss(value))) {
        this.remove(`${rawName} on <${element}>`);
        continue;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      rendered += ` ${name}="${escapeAttribute(value)}"`;
    }
    return isRoot ? ` xmlns="${SVG_NS}"${rendered}` : rendered;
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

export function sanitizeSvg(input: Uint8Array | string): SanitizedSvg {
  const source = decodeUtf8(input).replace(/^\ufeff/, '');
  if (/<!\s*(doctype|entity)/i.test(source)) {
    throw new SvgRejectedError('SVG files with DOCTYPE or ENTITY declarations are refused.');
  }
  const writer = new Writer();
  const malformed = (what: string) => new SvgRejectedError(`The SVG is not well-formed XML (${what}).`);
  const readName = (at: number): string | null => {
    NAME.lastIndex = at;
    const match = NAME.exec(source);
    return match ? match[0] : null;
  };

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      writer.text(decodeEntities(source.slice(i)));
      break;
    }
    if (lt > i) writer.text(decodeEntities(source.slice(i, lt)));
    i = lt;

    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw malformed('unterminated comment');
      if (writer.rootSeen) writer.remove('comments');
      i = end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      if (end < 0) throw malformed('unterminated CDATA section');
      writer.text(source.slice(i + 9, end));
      i = end + 3;
      continue;
    }
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end < 0) throw malformed('unterminated processing instruction');
      const target = readName(i + 2);
      if (target !== 'xml') writer.remove(`<?${target ?? ''}?> processing instruction`);
      i = end + 2;
      continue;
    }
    if (source.startsWith('<!', i)) throw new SvgRejectedError('SVG files with markup declarations (<!…>) are refused.');

    if (source.startsWith('</', i)) {
      const name = readName(i + 2);
      if (!name) throw malformed('bad closing tag');
      let j = i + 2 + name.length;
      while (j < source.length && /\s/.test(source[j]!)) j++;
      if (source[j] !== '>') throw malformed(`bad closing tag </${name}>`);
      writer.end(name);
      i = j + 1;
      continue;
    }

    const name = readName(i + 1);
    if (!name) throw malformed('a "<" that starts no tag; write &lt;');
    let j = i + 1 + name.length;
    const attributes: Attribute[] = [];
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < source.length && /\s/.test(source[j]!)) j++;
      if (j >= source.length) throw malformed(`unterminated <${name}> tag`);
      if (source.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (source[j] === '>') {
        j += 1;
        break;
      }
      if (j === before) throw malformed(`attributes of <${name}> must be separated by spaces`);
      const attribute = readName(j);
      if (!attribute) throw malformed(`bad attribute in <${name}>`);
      j += attribute.length;
      while (j < source.length && /\s/.test(source[j]!)) j++;
      if (source[j] !== '=') throw malformed(`attribute ${attribute} of <${name}> has no value`);
      j++;
      while (j < source.length && /\s/.test(source[j]!)) j++;
      const quote = source[j];
      if (quote !== '"' && quote !== "'") throw malformed(`attribute ${attribute} of <${name}> must be quoted`);
      const close = source.indexOf(quote, j + 1);
      if (close < 0) throw malformed(`unterminated value of ${attribute}`);
      const raw = source.slice(j + 1, close);
      if (raw.includes('<')) throw malformed(`"<" in the value of ${attribute}`);
      attributes.push([attribute, decodeEntities(raw)]);
      j = close + 1;
    }
    writer.start(name, attributes, selfClosing);
    i = j;
  }

  if (!writer.rootSeen) throw new SvgRejectedError('The file does not have an <svg> root element.');
  if (writer.stack.length > 0) throw malformed(`<${writer.stack[writer.stack.length - 1]!.name}> is never closed`);
  return { svg: writer.out, removed: [...writer.removed] };
}
