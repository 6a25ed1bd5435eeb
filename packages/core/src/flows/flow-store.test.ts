import { describe, expect, it } from 'vitest';
import { createFlowStore } from './flow-store.js';
import { initialTotpEnrollmentState, totpEnrollmentTransition, type TotpEnrollmentState } from './totp-enrollment.js';

describe('createFlowStore', () => {
  it('calls a listener at once and on every change, not for ignored events', () => {
    const store = createFlowStore(totpEnrollmentTransition, initialTotpEnrollmentState);
    const seen: TotpEnrollmentState['kind'][] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state.kind));
    expect(seen).toEqual(['idle']);
    expect(store.send({ type: 'acknowledged' })).toBe(initialTotpEnrollmentState);
    expect(store.send({ type: 'start' })).toEqual({ kind: 'starting' });
    store.send({ type: 'start_failed', error: { message: 'Down.' } });
    expect(seen).toEqual(['idle', 'starting', 'failed']);
    unsubscribe();
    store.send({ type: 'start' });
    expect(seen).toEqual(['idle', 'starting', 'failed']);
    expect(store.getState()).toEqual({ kind: 'starting' });
  });

  it('lets a listener unsubscribe another during a notification without skipping anyone', () => {
    const store = createFlowStore(totpEnrollmentTransition, initialTotpEnrollmentState);
    const calls: string[] = [];
    let unsubscribeB = () => {};
    store.subscribe((state) => {
      calls.push(`a:${state.kind}`);
      if (state.kind === 'starting') unsubscribeB();
    });
    unsubscribeB = store.subscribe((state) => calls.push(`b:${state.kind}`));
    store.send({ type: 'start' });
    store.send({ type: 'cancel' });
    expect(calls).toEqual(['a:idle', 'b:idle', 'a:starting', 'b:starting', 'a:cancelled']);
  });
});
