import { SettingsApiError, SettingsNetworkError, SettingsValidationError } from '@billingone/settings-core';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { BillingoneElement } from '../base/billingone-element.js';
import { fixture, shadowQuery, until } from '../testing/fixture.js';
import { field, formErrorView } from '../ui/field.js';
import { deepActiveElement } from './focus.js';
import { FormController } from './form-controller.js';

class FormProbe extends BillingoneElement {
  readonly form = new FormController(this);
  name = '';
  email = '';

  protected override render() {
    return html`<form>
      ${formErrorView(this.form.message)}
      ${field({ id: 'name', label: 'Name', value: this.name, error: this.form.error('name'), onInput: (e) => (this.name = e.currentTarget.value) })}
      ${field({ id: 'email', label: 'Email', type: 'email', value: this.email, hint: 'Work address', error: this.form.error('email'), autocomplete: 'email' })}
      <button class="button" ?disabled=${this.form.submitting}>Save</button>
    </form>`;
  }
}
customElements.define('form-probe', FormProbe);

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new SettingsApiError({ type: 'about:blank', title: 'Failed', status, code: 'x', ...extra } as never);

describe('FormController', () => {
  it('shows validation errors next to their fields and focuses the first one', async () => {
    const probe = await fixture<FormProbe>(html`<form-probe></form-probe>`);
    const body = probe.form.check({ ok: false, fieldErrors: [{ path: 'email', message: 'Enter a valid email address.' }, { path: 'email', message: 'second' }] });
    expect(body).toBeUndefined();
    await until(() => deepActiveElement() === shadowQuery(probe, '#email'));
    const input = shadowQuery<HTMLInputElement>(probe, '#email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error');
    expect(shadowQuery(probe, '#email-error').textContent).toBe('Enter a valid email address.');
    expect(shadowQuery(probe, '#name').getAttribute('aria-invalid')).toBe('false');

    expect(probe.form.check({ ok: true, data: { email: 'a@b.test' } })).toEqual({ email: 'a@b.test' });
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('#email-error')).toBeNull();
  });

  it('keeps what the user typed when the server refuses, with the server field errors', async () => {
    const probe = await fixture<FormProbe>(html`<form-probe></form-probe>`);
    const input = shadowQuery<HTMLInputElement>(probe, '#name');
    input.value = 'A name the server refuses';
    input.dispatchEvent(new InputEvent('input'));
    let submittingSeen = false;
    const result = await probe.form.submit(async () => {
      submittingSeen = probe.form.submitting;
      throw problem(422, { fieldErrors: [{ path: 'name', message: 'Use at most 10 characters.' }] });
    });
    expect(submittingSeen).toBe(true);
    expect(result.ok).toBe(false);
    await until(() => deepActiveElement() === input);
    expect(input.value).toBe('A name the server refuses');
    expect(shadowQuery(probe, '#name-error').textContent).toBe('Use at most 10 characters.');
    expect(shadowQuery(probe, '.form-error').textContent).toBe('Some fields need your attention.');
    expect(probe.form.submitting).toBe(false);
  });

  it('shows a form message for failures without fields, and nothing for aborts', async () => {
    const probe = await fixture<FormProbe>(html`<form-probe></form-probe>`);
    await probe.form.submit(async () => {
      throw new SettingsNetworkError('network', 'offline');
    });
    await probe.updateComplete;
    expect(shadowQuery(probe, '.form-error').textContent).toBe('We could not reach the server. Check your connection and try again.');

    await probe.form.submit(async () => {
      throw new SettingsNetworkError('aborted', 'cancelled');
    });
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('.form-error')).toBeNull();

    await probe.form.submit(async () => {
      throw new SettingsValidationError([{ path: 'name', message: 'Enter your name.' }]);
    });
    await probe.updateComplete;
    expect(shadowQuery(probe, '#name-error').textContent).toBe('Enter your name.');

    const ok = await probe.form.submit(async () => 42);
    expect(ok).toEqual({ ok: true, value: 42 });
  });
});
