const LEGAL_SUFFIXES = new Set([
  'llc', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'llp', 'lp',
  'pty', 'pte', 'gmbh', 'ag', 'sa', 'sarl', 'sas', 'bv', 'nv', 'srl', 'spa', 'oy', 'ab', 'as', 'aps', 'kg', 'cic',
]);

/** The words of a name normalised as the server compares them (case, accents, punctuation, legal forms). */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && (LEGAL_SUFFIXES.has(words[words.length - 1]!) || words[words.length - 1] === 'and')) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words;
}

function trigrams(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Similarity of two names in [0, 1]: the better of word and trigram Jaccard; identical normalised names score 1. */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.join(' ') === right.join(' ')) return 1;
  const score = Math.max(jaccard(new Set(left), new Set(right)), jaccard(trigrams(left), trigrams(right)));
  return Math.round(score * 1000) / 1000;
}
