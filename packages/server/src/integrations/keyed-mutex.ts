/**
 * An in-process mutex per key: `run(key, fn)` waits for the previous holder of `key`, runs `fn`,
 * and lets the next one in, whether `fn` resolved or threw. Keys nobody holds or waits for are
 * forgotten, so memory stays bounded by the keys in use.
 */
export interface KeyedMutex {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Whether someone holds `key` now. */
  isLocked(key: string): boolean;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  return {
    async run(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
    isLocked(key) {
      return tails.has(key);
    },
  };
}
