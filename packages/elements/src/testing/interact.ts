/** Small user-like interactions for element tests (shadow DOM included). */

/** Replaces an input's or textarea's value as typing would, firing `input` (and `change` when asked). */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string, options: { change?: boolean } = {}): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  if (options.change) input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks an option of a `<select>` as a user would. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.focus();
  select.value = value;
  if (select.value !== value) throw new Error(`<select id="${select.id}"> has no option ${JSON.stringify(value)}.`);
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Puts files in an `<input type="file">` as the file picker would, and fires `change`. */
export function chooseFiles(input: HTMLInputElement, ...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A real PNG image of `width` × `height` pixels drawn on a canvas. */
export async function pngFile(width: number, height: number, name = 'photo.png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d4ed8';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#f59e0b';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

/** The dialog open in an element's shadow root (throws when none is). */
export function openDialog(host: Element): HTMLDialogElement {
  const dialog = host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]');
  if (!dialog) throw new Error(`No open dialog in <${host.localName}>.`);
  return dialog;
}

/**
 * Answers the open confirmation dialog of an element with its confirming or its cancel button, and
 * waits for the dialog's `close` event (dispatched a task later), which settles the question.
 */
export async function answerConfirm(host: Element, answer: 'confirm' | 'cancel'): Promise<void> {
  const dialog = openDialog(host);
  const button = dialog.querySelector<HTMLButtonElement>(`button[value="${answer}"]`);
  if (!button) throw new Error(`The open dialog has no ${answer} button.`);
  const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  button.click();
  await closed;
}

/** What an element's live regions announce now (empty when nothing). */
export function announced(host: Element): string {
  const regions = host.shadowRoot?.querySelectorAll('.billingone-live-region') ?? [];
  return [...regions].map((region) => region.textContent ?? '').join(' ').trim();
}
