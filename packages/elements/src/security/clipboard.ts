/**
 * Copying to the clipboard and saving text files, without anything a strict CSP blocks: the
 * Clipboard API, and a Blob object URL opened by a temporary `<a download>`.
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
 * Saves `text` as a UTF-8 `.txt` download named `fileName`. The link is placed in `root` (the
 * element's shadow root, so the host page's listeners and styles do not see it) and removed at once.
 */
export function downloadText(root: ParentNode, fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the URL by now; release it a little later for slow browsers.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
