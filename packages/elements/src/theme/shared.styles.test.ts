import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { BillingoneElement } from '../base/billingone-element.js';
import { defineElement } from '../base/define.js';
import { fixture, shadowQuery } from '../testing/fixture.js';

class TableProbe extends BillingoneElement {
  protected override render() {
    return html`
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>Member</th><th>Email</th><th>Started by</th><th>Role</th></tr></thead>
          <tbody><tr><td>Amelia Hartley-Fitzgerald</td><td><span id="email">amelia.fitzgerald@acme.test</span></td><td>Manual</td><td><button class="button">Use</button></td></tr></tbody>
        </table>
      </div>
    `;
  }
}
defineElement('table-probe', TableProbe);

describe('shared styles', () => {
  it('scroll a wide table sideways on a narrow screen instead of squeezing its cells to a letter a line', async () => {
    const narrow = await fixture(html`<div style="inline-size: 300px"><table-probe></table-probe></div>`);
    const probe = narrow.querySelector<TableProbe>('table-probe')!;
    await probe.updateComplete;
    const box = shadowQuery(probe, '.table-scroll');
    const email = shadowQuery(probe, '#email');
    const lineHeight = parseFloat(getComputedStyle(email).lineHeight);
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    // One line each: the address and the button's label are not broken between letters.
    expect(email.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5);
    expect(shadowQuery(probe, 'button').getBoundingClientRect().height).toBeLessThan(lineHeight * 2 + 16);
  });
});
