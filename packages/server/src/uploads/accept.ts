import { sniffImageType, type ImageType } from './sniff.js';
import { sanitizeSvg, SvgRejectedError } from './svg-sanitize.js';

/**
 * Decides what an upload really is and what will be stored: the type comes from the bytes (a
 * declared `image/png` that is an HTML page is refused), SVG is rewritten by the sanitiser, and
 * the stored bytes must still fit the size limit.
 */
export interface UploadRules {
  readonly types: readonly string[];
  readonly maxBytes: number;
}

export interface AcceptedUpload {
  contentType: ImageType;
  bytes: Uint8Array;
  /** For SVG: what the sanitiser removed (empty for raster images). */
  removed: string[];
}

export type UploadRefusal =
  | { code: 'unsupported_file_type'; message: string }
  | { code: 'file_too_large'; message: string }
  | { code: 'svg_rejected'; message: string };

export class UploadRefusedError extends Error {
  override name = 'UploadRefusedError';
  constructor(readonly refusal: UploadRefusal) {
    super(refusal.message);
  }
}

const labels: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/svg+xml': 'SVG' };

function typeList(types: readonly string[]): string {
  const names = types.map((type) => labels[type] ?? type);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}

export function acceptUpload(bytes: Uint8Array, rules: UploadRules): AcceptedUpload {
  if (bytes.byteLength > rules.maxBytes) {
    throw new UploadRefusedError({ code: 'file_too_large', message: `The file must be at most ${Math.round(rules.maxBytes / 1024)} KB.` });
  }
  const type = sniffImageType(bytes);
  if (!type || !rules.types.includes(type)) {
    throw new UploadRefusedError({
      code: 'unsupported_file_type',
      message: `This file is not a ${typeList(rules.types)} image${type ? ` (it is ${labels[type]})` : ''}.`,
    });
  }
  if (type !== 'image/svg+xml') return { contentType: type, bytes, removed: [] };
  let sanitized;
  try {
    sanitized = sanitizeSvg(bytes);
  } catch (error) {
    if (error instanceof SvgRejectedError) throw new UploadRefusedError({ code: 'svg_rejected', message: error.message });
    throw error;
  }
  const out = new TextEncoder().encode(sanitized.svg);
  if (out.byteLength > rules.maxBytes) {
    throw new UploadRefusedError({ code: 'file_too_large', message: `The file must be at most ${Math.round(rules.maxBytes / 1024)} KB.` });
  }
  return { contentType: type, bytes: out, removed: sanitized.removed };
}
