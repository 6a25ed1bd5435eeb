/**
 * What an uploaded file is, judged by its bytes and never by its name or declared type.
 * Raster formats by their magic numbers; SVG as UTF-8 text that reaches `<svg` after an optional
 * byte-order mark, XML prolog, comments, processing instructions, whitespace and DOCTYPE (the
 * sanitiser then refuses a DOCTYPE, with a message saying so).
 */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) && bytes.length >= 16) return 'image/webp';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** How far into the text the SVG preamble may run before `<svg` must appear. */
const SVG_PREAMBLE_LIMIT = 64 * 1024;

export function looksLikeSvg(bytes: Uint8Array): boolean {
  // Lenient decoding here: invalid UTF-8 turns into U+FFFD and fails the checks below; the
  // sanitiser decodes the whole file strictly.
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SVG_PREAMBLE_LIMIT + 8));
  let i = 0;
  while (i < text.length && i < SVG_PREAMBLE_LIMIT) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
      continue;
    }
    if (/^<!doctype\s/i.test(text.slice(i, i + 10))) {
      const end = doctypeEnd(text, i);
      if (end < 0) return false;
      i = end;
      continue;
    }
    return /^<svg[\s/>]/.test(text.slice(i, i + 5));
  }
  return false;
}

/** End of a DOCTYPE declaration, past an optional internal subset in brackets. */
function doctypeEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start + 2; i < text.length; i++) {
    const char = text[i];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return i + 1;
  }
  return -1;
}
