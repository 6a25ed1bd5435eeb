import {
  createFlowStore,
  initialPax8ConfigureState,
  integrationEndpoints,
  pax8ConfigFromIntegration,
  pax8ConfigureTransition,
  pax8SubmitBody,
  toFlowError,
  type FlowStore,
  type Integration,
  type Pax8Config,
  type Pax8ConfigureEvent,
  type Pax8ConfigureState,
} from '@billingone/settings-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SettingsClient } from '../context.js';

export interface Pax8ConfigureOptions {
  readonly client: () => SettingsClient | undefined;
  /** The credentials were saved: the API's new view of the integration. */
  readonly onSaved: (integration: Integration, wasConfigured: boolean) => void;
  /** A request failed (not a failed test, which is an answer). */
  readonly onError?: (error: unknown) => void;
}

function sameConfig(a: Pax8Config, b: Pax8Config): boolean {
  if (!a.configured || !b.configured) return a.configured === b.configured;
  return a.clientId === b.clientId && a.secretLast4 === b.secretLast4;
}

/**
 * Drives core's Pax8 configure flow (edit → Test Connection → Save) with the API: the flow decides,
 * this controller sends the requests and keeps the thrown error of the last failure so the element
 * can describe it in the member's language.
 */
export class Pax8ConfigureController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: Pax8ConfigureOptions;
  #flow: FlowStore<Pax8ConfigureState, Pax8ConfigureEvent> = createFlowStore(pax8ConfigureTransition, initialPax8ConfigureState({ configured: false }));
  #controller: AbortController | undefined;
  /** The error of the last failed request (test or save), for `describeError`. */
  lastError: unknown;

  constructor(host: ReactiveControllerHost, options: Pax8ConfigureOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): Pax8ConfigureState {
    return this.#flow.getState();
  }

  hostDisconnected(): void {
    this.#controller?.abort();
    this.#controller = undefined;
  }

  /** Follows the stored configuration while no form is open. */
  follow(integration: Integration | undefined): void {
    const state = this.state;
    if (state.kind !== 'viewing' && state.kind !== 'saved') return;
    const config = pax8ConfigFromIntegration(integration);
    if (state.kind === 'viewing' && sameConfig(config, state.config)) return;
    if (state.kind === 'saved' && sameConfig(config, state.config)) return;
    this.#flow = createFlowStore(pax8ConfigureTransition, initialPax8ConfigureState(config));
    this.#host.requestUpdate();
  }

  send(event: Pax8ConfigureEvent): Pax8ConfigureState {
    const before = this.state;
    const after = this.#flow.send(event);
    if (after !== before) {
      if (after.kind === 'editing' && !after.error) this.lastError = undefined;
      this.#host.requestUpdate();
    }
    return after;
  }

  /** Tests the values on screen. */
  async test(): Promise<void> {
    const state = this.send({ type: 'test' });
    if (state.kind !== 'testing') return;
    const client = this.#options.client();
    const signal = this.#restart();
    try {
      if (!client) throw new Error('No Settings API client.');
      const result = await client.request(integrationEndpoints.testPax8, { body: pax8SubmitBody(state), signal });
      if (signal.aborted) return;
      this.lastError = undefined;
      this.send({ type: 'test_result', result });
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = error;
      this.send({ type: 'test_error', error: toFlowError(error) });
      this.#options.onError?.(error);
    }
  }

  /** Saves after a passed test. */
  async save(): Promise<void> {
    const state = this.send({ type: 'save' });
    if (state.kind !== 'saving') return;
    const wasConfigured = state.config.configured;
    const client = this.#options.client();
    const signal = this.#restart();
    try {
      if (!client) throw new Error('No Settings API client.');
      const integration = await client.request(integrationEndpoints.savePax8, { body: pax8SubmitBody(state), signal });
      if (signal.aborted) return;
      this.lastError = undefined;
      this.send({ type: 'save_succeeded', integration });
      this.#options.onSaved(integration, wasConfigured);
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = error;
      this.send({ type: 'save_failed', error: toFlowError(error) });
      this.#options.onError?.(error);
    }
  }

  /** Closes the form (abandoning a test under way). */
  cancel(): void {
    this.#controller?.abort();
    this.lastError = undefined;
    this.send({ type: 'cancel' });
  }

  #restart(): AbortSignal {
    this.#controller?.abort();
    this.#controller = new AbortController();
    return this.#controller.signal;
  }
}
