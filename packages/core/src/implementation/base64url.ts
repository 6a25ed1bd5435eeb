/** Base64url of UTF-8 text, without padding (what Node's `Buffer.toString('base64url')` gives). */
export function base64urlEncode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The UTF-8 text of a base64url string; throws on anything that is not base64url. */
export function base64urlDecode(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new TypeError('not base64url');
  const padded = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4);
  const binary = atob(padded);
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
