/**
 * An image URL from the API (an avatar, a logo) made absolute against the API's base URL: the
 * client's `baseUrl`, or the page itself when the client is same-origin (`baseUrl` empty).
 * Undefined when it cannot be read as a URL.
 */
export function resolveAssetUrl(url: string, apiBaseUrl: string | undefined): string | undefined {
  try {
    return new URL(url, new URL(apiBaseUrl ?? '', document.baseURI)).href;
  } catch {
    return undefined;
  }
}
