import type { Context } from '../context.js';

type File = { bytes: Uint8Array; contentType: string };

/**
 * How to put an avatar or logo back: upload the original bytes again, or remove the file when
 * there was none. Null when the original cannot be read back, so the suite leaves it alone.
 */
export async function fileKeeper(
  ctx: Context,
  url: string | null,
  put: (file: File) => Promise<unknown>,
  remove: () => Promise<unknown>,
): Promise<(() => Promise<void>) | null> {
  if (!url) return async () => void (await remove());
  const original = await ctx.client.download(url);
  if (!original) return null;
  return async () => void (await put(original));
}

/** An upload the target refuses for its type, so it changes nothing: the access-only probe. */
export const refusedUpload = { upload: { bytes: new Uint8Array([1, 2, 3]), contentType: 'text/plain' } };
