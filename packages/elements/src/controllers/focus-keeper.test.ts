import { html, LitElement } from 'lit';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { fixture, shadowQuery } from '../testing/fixture.js';
import { defineElement } from '../base/define.js';
import { deepActiveElement } from './focus.js';
import { FocusKeeper } from './focus-keeper.js';

/** A card with a button that is busy (disabled) while it works, and one that goes away once used. */
class FocusProbe extends LitElement {
  static override properties = { busy: { state: true }, used: { state: true } };
  declare busy: boolean;
  declare used: boolean;

  constructor() {
    super();
    this.busy = false;
    this.used = false;
    new FocusKeeper(this);
  }

  protected override render() {
    return html`
      <h2>Pax8</h2>
      <section id="card">
        <button id="sync" ?disabled=${this.busy} @click=${() => (this.busy = true)}>Sync now</button>
        <div>${this.used ? html`<span>Applied</span>` : html`<button id="use" @click=${() => (this.used = true)}>Use</button>`}</div>
        <button id="other">Other</button>
      </section>
      <section id="lone">${this.used ? '' : html`<button id="only">Only</button>`}</section>
    `;
  }
}
defineElement('focus-probe', FocusProbe);

const focusedId = () => deepActiveElement()?.id;

describe('FocusKeeper', () => {
  it('gives focus back to a button that was disabled while it worked', async () => {
    const probe = await fixture<FocusProbe>(html`<focus-probe></focus-probe>`);
    shadowQuery(probe, '#sync').focus();
    await userEvent.keyboard('{Enter}');
    await probe.updateComplete;
    expect(probe.busy).toBe(true);
    expect(focusedId()).not.toBe('other');

    probe.busy = false;
    await probe.updateComplete;
    expect(focusedId()).toBe('sync');
  });

  it('hands focus to the next usable control of the nearest remaining container when a render removes the focused one', async () => {
    const probe = await fixture<FocusProbe>(html`<focus-probe></focus-probe>`);
    shadowQuery(probe, '#use').focus();
    await userEvent.keyboard('{Enter}');
    await probe.updateComplete;
    expect(probe.used).toBe(true);
    expect(focusedId()).toBe('sync');
  });

  it('falls back to the heading when nothing usable remains around the removed control', async () => {
    const probe = await fixture<FocusProbe>(html`<focus-probe></focus-probe>`);
    shadowQuery(probe, '#only').focus();
    probe.used = true;
    await probe.updateComplete;
    expect(deepActiveElement()?.tagName).toBe('H2');
    expect(shadowQuery(probe, 'h2').tabIndex).toBe(-1);
  });

  it('leaves focus alone when it moved somewhere else on purpose', async () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    try {
      const probe = await fixture<FocusProbe>(html`<focus-probe></focus-probe>`);
      shadowQuery(probe, '#sync').focus();
      probe.busy = true;
      await probe.updateComplete;
      outside.focus();
      probe.busy = false;
      await probe.updateComplete;
      expect(document.activeElement).toBe(outside);

      // Focus moved to another control of the element itself before the render: kept there.
      shadowQuery(probe, '#other').focus();
      probe.used = true;
      await probe.updateComplete;
      expect(focusedId()).toBe('other');
    } finally {
      outside.remove();
    }
  });
});
