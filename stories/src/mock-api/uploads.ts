import { problem } from '@billingone/settings-core/implementation';

const labels: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/svg+xml': 'SVG' };
const statusOf = { unsupported_file_type: 415, file_too_large: 413 } as const;

function typeList(types: readonly string[]): string {
  const names = types.map((type) => labels[type] ?? type);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type the bytes are, whatever the upload declared (the server's sniffing). */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  return null;
}

function fileProblem(code: keyof typeof statusOf, message: string) {
  return problem(statusOf[code], code, message, { fieldErrors: [{ path: 'file', message, code }] });
}

/**
 * Accepts an uploaded image as the server does (the bytes decide the type; SVG loses scripts, event
 * handlers and external references) and answers the URL it is served from: a `data:` URL, so the
 * mock needs no file server.
 */
export function acceptImage(bytes: Uint8Array, rules: { types: readonly string[]; maxBytes: number }): { url: string; contentType: string } {
  if (bytes.byteLength > rules.maxBytes) throw fileProblem('file_too_large', `The file must be at most ${Math.round(rules.maxBytes / 1024)} KB.`);
  const type = sniffImageType(bytes);
  if (!type || !rules.types.includes(type)) {
    throw fileProblem('unsupported_file_type', `This file is not a ${typeList(rules.types)} image${type ? ` (it is ${labels[type]})` : ''}.`);
  }
  let data = bytes;
  if (type === 'image/svg+xml') {
    const svg = new TextDecoder().decode(bytes)
      .replace(/<script[\s\S]*?<\/script>/gi, '')
      .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
      .replace(/\s(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '');
    data = new TextEncoder().encode(svg);
  }
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return { url: `data:${type};base64,${btoa(binary)}`, contentType: type };
}
