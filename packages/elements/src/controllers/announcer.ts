import type { ReactiveController, ReactiveElement } from 'lit';

export type Politeness = 'polite' | 'assertive';

/**
 * A live region inside the element's shadow root, placed before the rendered content so re-renders
 * never remove it. `announce()` tells assistive technology about results ("Invitation sent").
 */
export class AnnouncerController implements ReactiveController {
  readonly #host: ReactiveElement;
  #regions: Record<Politeness, HTMLElement> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (this.#regions || !root) return;
    const region = (politeness: Politeness) => {
      const el = document.createElement('div');
      el.className = 'billingone-live-region';
      el.setAttribute('aria-live', politeness);
      el.setAttribute('aria-atomic', 'true');
      el.dataset.politeness = politeness;
      return el;
    };
    this.#regions = { polite: region('polite'), assertive: region('assertive') };
    root.prepend(this.#regions.polite, this.#regions.assertive);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Announces `message`; the same message twice in a row is announced twice. */
  announce(message: string, politeness: Politeness = 'polite'): void {
    if (!this.#regions) this.hostConnected();
    const regions = this.#regions;
    if (!regions) return;
    clearTimeout(this.#timer);
    regions.polite.textContent = '';
    regions.assertive.textContent = '';
    // Screen readers notice a change better when the region is emptied first.
    this.#timer = setTimeout(() => {
      regions[politeness].textContent = message;
    }, 60);
  }

  /** The text currently announced (for tests and debugging). */
  get lastMessage(): string {
    return (this.#regions?.polite.textContent || this.#regions?.assertive.textContent) ?? '';
  }
}
