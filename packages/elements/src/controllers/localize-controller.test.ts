import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Localizer } from '../i18n/localize.js';
import { fixture } from '../testing/fixture.js';
import { LocalizeController, RELATIVE_TIME_REFRESH_MS } from './localize-controller.js';

const startedAt = new Date('2026-11-24T09:00:00Z').getTime();

/** Shows when something happened, itself and through a part given its localizer as a property. */
class RelativeTimeProbe extends LitElement {
  readonly localize = new LocalizeController(this, () => ({ locale: 'en' }));
  at = startedAt - 5 * 60_000;
  showTimes = true;

  protected override render() {
    const l = this.localize.localizer;
    return this.showTimes
      ? html`<p>${l.relativeTime(this.at)}</p><relative-time-part .l=${l} .at=${this.at}></relative-time-part>`
      : html`<p>no times</p>`;
  }
}

class RelativeTimePart extends LitElement {
  static override properties = { l: { attribute: false }, at: { attribute: false } };
  declare l: Localizer;
  declare at: number;

  protected override render() {
    return html`<span>${this.l.relativeTime(this.at)}</span>`;
  }
}
customElements.define('relative-time-probe', RelativeTimeProbe);
customElements.define('relative-time-part', RelativeTimePart);

const shown = (probe: RelativeTimeProbe) => ({
  own: probe.shadowRoot!.querySelector('p')!.textContent,
  part: probe.shadowRoot!.querySelector('relative-time-part')?.shadowRoot!.querySelector('span')!.textContent,
});

async function settled(probe: RelativeTimeProbe): Promise<void> {
  await probe.updateComplete;
  await probe.shadowRoot!.querySelector<RelativeTimePart>('relative-time-part')?.updateComplete;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalizeController and relative times', () => {
  it('renders relative times again every minute, in the element and in parts given its localizer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: startedAt });
    const probe = await fixture<RelativeTimeProbe>(html`<relative-time-probe></relative-time-probe>`);
    await settled(probe);
    expect(shown(probe)).toEqual({ own: '5 minutes ago', part: '5 minutes ago' });

    vi.advanceTimersByTime(RELATIVE_TIME_REFRESH_MS - 1);
    await settled(probe);
    expect(shown(probe).own).toBe('5 minutes ago');

    vi.advanceTimersByTime(1);
    await settled(probe);
    expect(shown(probe)).toEqual({ own: '6 minutes ago', part: '6 minutes ago' });

    vi.advanceTimersByTime(RELATIVE_TIME_REFRESH_MS);
    await settled(probe);
    expect(shown(probe)).toEqual({ own: '7 minutes ago', part: '7 minutes ago' });
  });

  it('stops once nothing relative is shown, and when the element leaves the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: startedAt });
    const probe = await fixture<RelativeTimeProbe>(html`<relative-time-probe></relative-time-probe>`);
    await settled(probe);
    probe.showTimes = false;
    probe.requestUpdate();
    await settled(probe);
    vi.advanceTimersByTime(RELATIVE_TIME_REFRESH_MS);
    await settled(probe);
    expect(vi.getTimerCount()).toBe(0);

    probe.showTimes = true;
    probe.requestUpdate();
    await settled(probe);
    expect(vi.getTimerCount()).toBe(1);
    probe.remove();
    expect(vi.getTimerCount()).toBe(0);
  });
});
