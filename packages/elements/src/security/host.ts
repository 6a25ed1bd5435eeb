import type { ReactiveElement } from 'lit';
import type { SettingsClient, SettingsStores } from '../context.js';
import type { Politeness } from '../controllers/announcer.js';
import type { Localizer, MessageKey, MessageParams } from '../i18n/localize.js';

/** What the security screens' controllers need of the element that hosts them (any `BillingoneElement`). */
export interface SecurityHost extends ReactiveElement {
  readonly localizer: Localizer;
  readonly settingsClient: SettingsClient | undefined;
  readonly stores: SettingsStores | undefined;
  t(key: MessageKey, params?: MessageParams): string;
}

/** The host's protected abilities, handed to its controllers. */
export interface SecurityTools {
  announce(message: string, politeness?: Politeness): void;
  emit<E extends Event>(event: E): Promise<E>;
}

/** Focuses the first match of `selector` in the host's shadow root once the pending render is done. */
export async function focusAfterRender(host: SecurityHost, selector: string): Promise<void> {
  await host.updateComplete;
  const target = host.renderRoot.querySelector<HTMLElement>(selector);
  if (!target) return;
  target.focus();
  if (target instanceof HTMLInputElement) target.select();
}
