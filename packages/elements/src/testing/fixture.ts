import { render, type TemplateResult } from 'lit';
import { onTestFinished, vi } from 'vitest';

/**
 * Renders a template into a fresh container on the page and waits for the first element's update.
 * The container is removed when the test finishes.
 */
export async function fixture<T extends HTMLElement = HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  onTestFinished(() => container.remove());
  render(template, container);
  const element = container.firstElementChild as T | null;
  if (!element) throw new Error('fixture(): the template rendered no element.');
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** The first match of `selector` in an element's shadow root (throws with the selector when missing). */
export function shadowQuery<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the shadow root of <${host.localName}>.`);
  return found;
}

/** Every match of `selector` in an element's shadow root. */
export function shadowQueryAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
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

/**
 * Waits until `check` passes: it throws, or returns `false`, `null` or `undefined`, while not yet.
 * Resolves with its value; on timeout the error names the check and points at the caller.
 */
export async function until<T>(check: () => T | Promise<T>, timeout = 10_000): Promise<NonNullable<T>> {
  const failure = new Error(`until() gave up after ${timeout} ms waiting for: ${check.toString().replace(/\s+/g, ' ').slice(0, 240)}`);
  try {
    return await vi.waitFor(
      async () => {
        const result = await check();
        if (result === false || result === null || result === undefined) throw new Error(`The check answered ${String(result)}.`);
        return result as NonNullable<T>;
      },
      { timeout, interval: 25 },
    );
  } catch (error) {
    failure.cause = error;
    throw failure;
  }
}

/** Collects the events of a type dispatched on (or bubbling to) a target, for assertions. */
export function recordEvents<E extends Event>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  const listener = (event: Event) => events.push(event as E);
  target.addEventListener(type, listener);
  onTestFinished(() => target.removeEventListener(type, listener));
  return events;
}
