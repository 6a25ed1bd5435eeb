/** A numeric attribute as a whole number within `min`–`max`; `fallback` when it is not a number. */
export function integerInRange(value: unknown, min: number, max: number, fallback: number): number {
  const number = Math.trunc(Number(value));
  return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : fallback;
}
