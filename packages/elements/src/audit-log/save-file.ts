/**
 * Hands a file to the browser's download manager: a temporary object URL on a temporary
 * `<a download>` (inside `container`, so it works from a shadow root). Works whatever the client's
 * authentication (cookie or bearer), since the bytes were already fetched through the client.
 */
export function saveFile(blob: Blob, filename: string, container: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
