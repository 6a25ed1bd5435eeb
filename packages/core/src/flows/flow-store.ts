/** A pure transition function: returns the same object when the event does not apply. */
export type Transition<State, Event> = (state: State, event: Event) => State;

/** Holds one flow's current state for a driver or an element. No I/O of its own. */
export interface FlowStore<State, Event> {
  getState(): State;
  /** Apply `event`; listeners hear of it only when the state changed. Returns the new state. */
  send(event: Event): State;
  /** The listener is called at once with the current state, then on every change. */
  subscribe(listener: (state: State) => void): () => void;
}

export function createFlowStore<State, Event>(transition: Transition<State, Event>, initial: State): FlowStore<State, Event> {
  let state = initial;
  const listeners = new Set<(state: State) => void>();
  return {
    getState: () => state,
    send(event) {
      const next = transition(state, event);
      if (next !== state) {
        state = next;
        for (const listener of [...listeners]) listener(state);
      }
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
