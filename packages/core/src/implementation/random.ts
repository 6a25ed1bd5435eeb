/**
 * A small seeded pseudo-random generator (mulberry32): floats in [0, 1), the same sequence for the
 * same seed, so seeded demo data, simulators and Storybook fixtures look the same on every run.
 * Not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
