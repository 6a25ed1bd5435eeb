import { avatarUpload } from '@billingone/settings-core';

/** Why a chosen file cannot be an avatar, checked before anything is uploaded. */
export type AvatarProblem =
  | { readonly kind: 'type'; readonly type: string }
  | { readonly kind: 'size'; readonly size: number }
  | { readonly kind: 'empty' };

/** Image types an avatar may have (PNG, JPEG, WebP). */
export const avatarTypes: readonly string[] = avatarUpload.types;
/** Largest avatar accepted, in bytes (2 MB). */
export const avatarMaxBytes: number = avatarUpload.maxBytes;
/** Side of the square the browser crops an avatar to, at most (larger images are scaled down). */
export const avatarMaxSide = 512;

/** Checks a chosen file's type and size; `undefined` when it can be cropped and uploaded. */
export function checkAvatarFile(file: Blob): AvatarProblem | undefined {
  const type = file.type.split(';', 1)[0]!.trim().toLowerCase();
  if (!avatarTypes.includes(type)) return { kind: 'type', type };
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > avatarMaxBytes) return { kind: 'size', size: file.size };
  return undefined;
}

/** “PNG”, “JPEG”, “WebP” for an image MIME type; the subtype in capitals otherwise. */
export function imageTypeName(type: string): string {
  const names: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'image/svg+xml': 'SVG' };
  return names[type] ?? (type.includes('/') ? type.slice(type.indexOf('/') + 1).toUpperCase() : type.toUpperCase());
}

/**
 * Crops an image to the centred square of its shorter side, scaled down to at most `maxSide` pixels,
 * with a canvas. The result keeps the file's type (PNG, JPEG or WebP). Rejects when the browser
 * cannot decode the image.
 */
export async function cropToSquare(file: Blob, maxSide: number = avatarMaxSide): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    if (side === 0) throw new Error('The image has no pixels.');
    const out = Math.min(side, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = out;
    canvas.height = out;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, out, out);
    const type = avatarTypes.includes(file.type) ? file.type : 'image/png';
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The cropped image could not be encoded.'))), type, 0.9);
    });
  } finally {
    bitmap.close();
  }
}

/** Up to two initials of a name (“Ada Lovelace” → “AL”), for a missing avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]!.toLocaleUpperCase()).join('');
}
