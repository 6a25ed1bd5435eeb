import { mulberry32 } from '@billingone/settings-core/implementation';

/** A pseudo-random value for a key, without keeping state: the same key always gives the same number in [0, 1). */
export function hashToUnit(key: number): number {
  return mulberry32(key * 2654435761)();
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick() from an empty list');
  return item;
}
