import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { describe, expect, it } from 'vitest';
import { BillingoneElement } from '../base/billingone-element.js';
import { fixture, shadowQuery, until } from '../testing/fixture.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { ConfirmController } from './confirm-controller.js';
import { DialogController } from './dialog-controller.js';
import { deepActiveElement } from './focus.js';

class DialogProbe extends BillingoneElement {
  readonly dialog = new DialogController(this);
  readonly gate = new DialogController(this, { dismissible: false });
  readonly confirm = new ConfirmController(this);
  closedWith: string[] = [];

  protected override render() {
    return html`
      <button id="open" class="button" @click=${() => this.dialog.show()}>Open</button>
      <button id="open-gate" class="button" @click=${() => this.gate.show()}>Gate</button>
      <dialog class="dialog" ${ref(this.dialog.ref)} aria-label="Details" @close=${(e: Event) => this.closedWith.push((e.target as HTMLDialogElement).returnValue)}>
        <form method="dialog">
          <input id="name" class="input" aria-label="Name" autofocus />
          <button id="done" class="button" value="done">Done</button>
        </form>
      </dialog>
      <dialog class="dialog" ${ref(this.gate.ref)} aria-label="Gate"><button id="gate-ok" class="button" @click=${() => this.gate.close('ok')}>OK</button></dialog>
      ${this.confirm.render()}
    `;
  }
}
customElements.define('dialog-probe', DialogProbe);

describe('DialogController', () => {
  it('moves focus into the dialog and back to the opener when it closes', async () => {
    const probe = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
    const opener = shadowQuery<HTMLButtonElement>(probe, '#open');
    opener.focus();
    await userEvent.click(opener);
    expect(probe.dialog.open).toBe(true);
    expect(deepActiveElement()).toBe(shadowQuery(probe, '#name'));

    await userEvent.click(shadowQuery(probe, '#done'));
    await until(() => probe.closedWith.length === 1);
    expect(probe.closedWith).toEqual(['done']);
    expect(probe.dialog.open).toBe(false);
    expect(deepActiveElement()).toBe(opener);
  });

  it('closes on Escape unless it cannot be dismissed', async () => {
    const probe = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
    shadowQuery<HTMLButtonElement>(probe, '#open').focus();
    probe.dialog.show();
    await userEvent.keyboard('{Escape}');
    await until(() => !probe.dialog.open);

    const gateOpener = shadowQuery<HTMLButtonElement>(probe, '#open-gate');
    gateOpener.focus();
    probe.gate.show();
    await userEvent.keyboard('{Escape}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.gate.open).toBe(true);
    await userEvent.click(shadowQuery(probe, '#gate-ok'));
    await until(() => deepActiveElement() === gateOpener);
  });

  it('explains how to use it when the dialog was not rendered', () => {
    const controller = new DialogController({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) });
    expect(() => controller.show()).toThrow('render the <dialog> with ${ref(controller.ref)} before opening it');
  });
});

describe('ConfirmController', () => {
  it('asks, starts on Cancel, and resolves with the answer', async () => {
    const probe = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
    const opener = shadowQuery<HTMLButtonElement>(probe, '#open');
    opener.focus();

    const first = probe.confirm.ask({ title: 'Remove Jane Doe?', message: 'She loses access at once.', confirmLabel: 'Remove member', danger: true });
    await until(() => probe.confirm.open);
    const dialog = shadowQuery<HTMLDialogElement>(probe, 'dialog[part="dialog"]');
    expect(dialog.querySelector('h2')!.textContent).toBe('Remove Jane Doe?');
    expect(deepActiveElement()!.textContent!.trim()).toBe('Cancel');
    const confirmButton = dialog.querySelector<HTMLButtonElement>('button[value="confirm"]')!;
    expect(confirmButton.getAttribute('part')).toBe('danger-button');
    await userEvent.click(confirmButton);
    expect(await first).toBe(true);
    await until(() => deepActiveElement() === opener);

    const second = probe.confirm.ask({ title: 'Sure?', message: 'Really.', confirmLabel: 'Yes' });
    await until(() => probe.confirm.open);
    await userEvent.keyboard('{Escape}');
    expect(await second).toBe(false);
  });

  it('answers an earlier question with false when a new one replaces it', async () => {
    const probe = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
    const first = probe.confirm.ask({ title: 'One', message: '1', confirmLabel: 'OK' });
    await until(() => probe.confirm.open);
    const second = probe.confirm.ask({ title: 'Two', message: '2', confirmLabel: 'OK' });
    expect(await first).toBe(false);
    await probe.updateComplete;
    expect(shadowQuery(probe, 'dialog[part="dialog"] h2').textContent).toBe('Two');
    await userEvent.click(shadowQuery(probe, 'dialog[part="dialog"] button[value="confirm"]'));
    expect(await second).toBe(true);
  });

  it('is accessible in light and dark', async () => {
    const probe = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
    void probe.confirm.ask({ title: 'Remove?', message: 'This cannot be undone.', confirmLabel: 'Remove', danger: true });
    await until(() => probe.confirm.open);
    await expectAccessibleInThemes(probe);
  });
});
