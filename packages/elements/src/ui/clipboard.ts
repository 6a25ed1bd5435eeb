/**
 * Copying to the clipboard and saving files, without anything a strict CSP blocks: the Clipboard
 * API, and a Blob object URL opened by a temporary `<a download>`.
 */

/** Copies text; resolves `false` when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Hands a file to the browser's download manager: a temporary object URL on a temporary
 * `<a download>` (inside `container`, so it works from a shadow root and the host page's listeners
 * and styles do not see it). Works whatever the client's authentication (cookie or bearer), since the
 * bytes were already fetched through the client.
 */
export function saveFile(blob: Blob, filename: string, container: ParentNode): void {
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

/** Saves `text` as a UTF-8 `.txt` download named `fileName`, the link placed in `root`. */
export function downloadText(root: ParentNode, fileName: string, text: string): void {
  saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName, root);
}
