/** Shared checks for the flow tests: every event outside a state's legal set returns the very same state. */
import { expect } from 'vitest';

type Kinded = { readonly kind: string };
type Typed = { readonly type: string };

/**
 * Send every sample event to every sample state. Pairs listed in `legal` must produce a new state;
 * all others must return the same object. `legal` must name every kind sampled in `states`.
 */
export function checkEventTable<S extends Kinded, E extends Typed>(
  transition: (state: S, event: E) => S,
  states: readonly S[],
  events: readonly E[],
  legal: Readonly<Record<S['kind'], readonly E['type'][]>>,
): void {
  expect(new Set(states.map((state) => state.kind))).toEqual(new Set(Object.keys(legal)));
  for (const state of states) {
    const allowed: readonly string[] = legal[state.kind as S['kind']];
    for (const event of events) {
      const next = transition(state, event);
      if (allowed.includes(event.type)) {
        expect(next, `${state.kind} + ${event.type} should change the state`).not.toBe(state);
      } else {
        expect(next, `${state.kind} + ${event.type} should be ignored`).toBe(state);
      }
    }
  }
}

/** Apply events in order. */
export function replay<S, E>(transition: (state: S, event: E) => S, initial: S, events: readonly E[]): S {
  return events.reduce(transition, initial);
}
