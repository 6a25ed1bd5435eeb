/** Code-unit order, the order of the reference database's `C` collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
