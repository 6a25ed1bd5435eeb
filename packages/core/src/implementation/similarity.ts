/**
 * Name similarity for suggesting which BillingOne client a Pax8 company is. Names are normalised
 * (case, accents, punctuation, `&` → `and`, a leading "The", and trailing legal forms such as
 * LLC, Ltd, Inc, LLP, Pty, GmbH removed), then compared two ways, keeping the better score:
 *
 * - token Jaccard: shared words over all words ("Northwind Dental" vs "Northwind Dental Practice" = 2/3);
 * - trigram Jaccard, as PostgreSQL's pg_trgm computes it (each word padded with two spaces before
 *   and one after), which forgives typos ("Contosso" vs "Contoso").
 *
 * Identical normalised names score 1. Candidates are found through a trigram index, so matching n
 * companies against m clients compares only names that share a trigram.
 */

const LEGAL_SUFFIXES = new Set([
  'llc', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'llp', 'lp',
  'pty', 'pte', 'gmbh', 'ag', 'sa', 'sarl', 'sas', 'bv', 'nv', 'srl', 'spa', 'oy', 'ab', 'as', 'aps', 'kg', 'cic',
]);

/** The words of a name, normalised for comparison. */
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
  const kept = [...words];
  // "& Co", "and Company": the joining word goes with the legal form.
  while (kept.length > 1 && (LEGAL_SUFFIXES.has(kept[kept.length - 1]!) || kept[kept.length - 1] === 'and')) kept.pop();
  if (kept.length > 1 && kept[0] === 'the') kept.shift();
  return kept;
}

/** The normalised name: its tokens joined by single spaces. */
export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}

/** pg_trgm's trigrams of a normalised name: per word, padded `"  word "`. */
export function trigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Prepared {
  normalized: string;
  tokens: Set<string>;
  grams: Set<string>;
}

function prepare(name: string): Prepared {
  const tokens = nameTokens(name);
  return { normalized: tokens.join(' '), tokens: new Set(tokens), grams: trigrams(tokens) };
}

function score(a: Prepared, b: Prepared): number {
  if (a.normalized === '' || b.normalized === '') return 0;
  if (a.normalized === b.normalized) return 1;
  return Math.max(jaccard(a.tokens, b.tokens), jaccard(a.grams, b.grams));
}

/** Similarity of two names, 0–1. */
export function nameSimilarity(a: string, b: string): number {
  return score(prepare(a), prepare(b));
}

/** A name to match against (a BillingOne client). */
export interface Candidate {
  id: string;
  name: string;
}

/** The candidate that best matches a name. */
export interface Match {
  id: string;
  name: string;
  /** 0–1, rounded to two decimals. */
  score: number;
}

/**
 * An index over candidate names (BillingOne clients) that answers the best match for a name (a
 * Pax8 company), or null when nothing reaches `threshold`. Ties go to the alphabetically first name.
 */
export function createNameMatcher(candidates: readonly Candidate[]) {
  const prepared = candidates.map((candidate) => ({ ...candidate, prepared: prepare(candidate.name) }));
  const byGram = new Map<string, number[]>();
  prepared.forEach((candidate, index) => {
    for (const gram of candidate.prepared.grams) {
      let list = byGram.get(gram);
      if (!list) byGram.set(gram, (list = []));
      list.push(index);
    }
  });
  return {
    best(name: string, threshold: number, exclude?: ReadonlySet<string>): Match | null {
      const query = prepare(name);
      const seen = new Set<number>();
      for (const gram of query.grams) for (const index of byGram.get(gram) ?? []) seen.add(index);
      let best: Match | null = null;
      for (const index of seen) {
        const candidate = prepared[index]!;
        if (exclude?.has(candidate.id)) continue;
        const value = Math.round(score(query, candidate.prepared) * 100) / 100;
        if (value < threshold) continue;
        if (!best || value > best.score || (value === best.score && candidate.name.localeCompare(best.name) < 0)) {
          best = { id: candidate.id, name: candidate.name, score: value };
        }
      }
      return best;
    },
  };
}
