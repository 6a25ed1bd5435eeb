import type { ReactiveController, ReactiveElement } from 'lit';

const focusable = 'button, [href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Focus left the page's controls: nothing, or the body, has it. */
const focusLost = () => document.activeElement === null || document.activeElement === document.body;

const usable = (element: Element): element is HTMLElement =>
  element instanceof HTMLElement && element.isConnected && !element.matches(':disabled') && element.checkVisibility();

/**
 * Keeps keyboard focus in the element when one of its own renders takes it away: a button pressed
 * with Enter that is disabled while its request runs gets focus back when it is enabled again ("Sync
 * now", "Next page", "Test connection"), and a control that a render removes ("Disconnect",
 * "Use this suggestion") hands focus to the first usable control of its nearest remaining container,
 * else to the section's heading. Without this the browser drops focus to the page's body and a
 * keyboard user starts again from the top. Focus moved on purpose (by the element, or by the user
 * to anything else) is left alone.
 */
export class FocusKeeper implements ReactiveController {
  /** The control that had focus before the render, with its containers, innermost first. */
  #focused: Element[] = [];
  /** A control that a render disabled while it had focus. */
  #waiting: HTMLElement | null = null;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    const root = this.host.renderRoot as ShadowRoot;
    const active = root.activeElement;
    this.#focused = [];
    if (!active) return;
    this.#waiting = null;
    for (let node: Element | null = active; node; node = node.parentElement) this.#focused.push(node);
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    const active = root.activeElement;
    // Fine where it is; or the user took it elsewhere. (A control the render disabled may still be
    // the active element until the browser's next focus fix-up: it counts as lost.)
    if ((active && usable(active)) || (!active && !focusLost())) {
      this.#waiting = null;
      return;
    }
    const [control] = this.#focused;
    if (control) this.#rescue(control, root);
    else if (this.#waiting && usable(this.#waiting)) this.#give(this.#waiting);
  }

  #rescue(control: Element, root: ShadowRoot): void {
    if (control.isConnected && control instanceof HTMLElement && control.matches(':disabled')) {
      this.#waiting = control;
      return;
    }
    if (usable(control)) return this.#give(control);
    for (const container of this.#focused.slice(1)) {
      if (!container.isConnected) continue;
      const next = [...container.querySelectorAll(focusable)].find(usable);
      if (next) return this.#give(next);
    }
    const heading = root.querySelector<HTMLElement>('h1, h2, h3');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      this.#give(heading);
    }
  }

  #give(element: HTMLElement): void {
    this.#waiting = null;
    element.focus();
  }
}
