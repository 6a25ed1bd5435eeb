import { userEvent, waitFor, within } from 'storybook/test';

/** Testing Library queries inside an element's shadow root (open roots only, which every element has). */
export function shadow(element: Element) {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root.`);
  return within(element.shadowRoot as unknown as HTMLElement);
}

/**
 * Waits until `check` passes: it throws, or answers `false`, `null` or `undefined`, while not yet.
 * Resolves with its value.
 */
export async function until<T>(check: () => T | Promise<T>, timeout = 5000): Promise<NonNullable<T>> {
  return waitFor(
    async () => {
      const value = await check();
      if (value === false || value === null || value === undefined) throw new Error(`Still waiting for: ${check.toString().replace(/\s+/g, ' ').slice(0, 200)}`);
      return value as NonNullable<T>;
    },
    { timeout, interval: 25 },
  );
}

/** The story's element, once it has rendered. */
export async function storyElement<T extends HTMLElement>(canvasElement: HTMLElement, tag: string): Promise<T> {
  const element = await until(() => canvasElement.querySelector<T>(tag));
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** An element inside a shadow root (e.g. the section the shell shows), once it is there. */
export function inShadow<T extends Element>(host: Element, selector: string, timeout?: number): Promise<T> {
  return until(() => host.shadowRoot?.querySelector<T>(selector), timeout);
}

/** Visible text of a node with its shadow roots and slotted content, whitespace collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    if (current instanceof HTMLElement && (current.hidden || getComputedStyle(current).display === 'none')) return;
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    if (current instanceof HTMLSlotElement) {
      const assigned = current.assignedNodes({ flatten: true });
      (assigned.length > 0 ? assigned : [...current.childNodes]).forEach(walk);
      return;
    }
    if (current instanceof Element && current.shadowRoot) current.shadowRoot.childNodes.forEach(walk);
    else current.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** What an element's live regions announce now. */
export function announced(host: Element): string {
  return [...(host.shadowRoot?.querySelectorAll('.billingone-live-region') ?? [])].map((region) => region.textContent ?? '').join(' ').trim();
}

/** Replaces what a text field holds by typing, as a user selecting its content and typing over it would. */
export async function retype(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await userEvent.type(field, value, { initialSelectionStart: 0, initialSelectionEnd: field.value.length });
}
