import { createResourceStore } from '@billingone/settings-core';
import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { fixture, until } from '../testing/fixture.js';
import { StoreController } from './store-controller.js';

type Store = ReturnType<typeof createResourceStore<{ name: string }>>;

class StoreProbe extends LitElement {
  static override properties = { store: { attribute: false } };
  declare store: Store | undefined;
  readonly controller = new StoreController(this, () => this.store);
  renders = 0;

  protected override render() {
    this.renders++;
    const state = this.controller.state;
    return html`<p>${state ? `${state.status}:${state.data?.name ?? ''}` : 'no store'}</p>`;
  }
}
customElements.define('store-probe', StoreProbe);

function nameStore(names: string[]): { store: Store; loads: () => number } {
  let loads = 0;
  const store = createResourceStore<{ name: string }>({
    load: async () => ({ name: names[Math.min(loads++, names.length - 1)]! }),
  });
  return { store, loads: () => loads };
}

const text = (probe: StoreProbe) => probe.shadowRoot!.querySelector('p')!.textContent;

describe('StoreController', () => {
  it('follows a store that arrives after connection, loads it once and renders its states', async () => {
    const probe = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    expect(text(probe)).toBe('no store');
    const { store, loads } = nameStore(['Ada', 'Grace']);
    probe.store = store;
    await until(() => text(probe) === 'ready:Ada');
    expect(loads()).toBe(1);

    await store.load({ force: true });
    await until(() => text(probe) === 'ready:Grace');
  });

  it('stops listening when the element disconnects and resumes when it comes back', async () => {
    const { store } = nameStore(['Ada']);
    const probe = await fixture<StoreProbe>(html`<store-probe .store=${store}></store-probe>`);
    await until(() => text(probe) === 'ready:Ada');
    const parent = probe.parentElement!;
    probe.remove();
    const rendersWhileAway = probe.renders;
    store.set({ name: 'Linus' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.renders).toBe(rendersWhileAway);

    parent.append(probe);
    await until(() => text(probe) === 'ready:Linus');
  });

  it('switches stores when the getter answers another one', async () => {
    const first = nameStore(['Ada']).store;
    const second = nameStore(['Margaret']).store;
    const probe = await fixture<StoreProbe>(html`<store-probe .store=${first}></store-probe>`);
    await until(() => text(probe) === 'ready:Ada');
    probe.store = second;
    await until(() => text(probe) === 'ready:Margaret');
    first.set({ name: 'ignored' });
    await probe.updateComplete;
    expect(text(probe)).toBe('ready:Margaret');
  });

  it('shows a failed load as an error state without an unhandled rejection', async () => {
    const store = createResourceStore<{ name: string }>({
      load: async () => {
        throw new Error('boom');
      },
    });
    const probe = await fixture<StoreProbe>(html`<store-probe .store=${store}></store-probe>`);
    await until(() => text(probe) === 'error:');
  });
});
