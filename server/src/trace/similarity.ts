/** Sparse TF-IDF vectors and cosine similarity over stemmed tokens (and their bigrams). */
export type Vector = Map<string, number>;

/** Term counts, with adjacent-token bigrams counted too ("strategy discussion" is evidence words alone are not). */
export function termCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    counts.set(tokens[i], (counts.get(tokens[i]) ?? 0) + 1);
    if (i + 1 < tokens.length) {
      const bigram = `${tokens[i]} ${tokens[i + 1]}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return counts;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const x = large.get(term);
    if (x !== undefined) dot += w * x;
  }
  return Math.max(0, Math.min(1, dot));
}

/** The terms two vectors share, heaviest first: the "why" of a match. */
export function sharedTerms(a: Vector, b: Vector, limit = 5): string[] {
  const shared: [string, number][] = [];
  for (const [term, w] of a) {
    const x = b.get(term);
    if (x !== undefined) shared.push([term, w * x]);
  }
  return shared.sort((p, q) => q[1] - p[1]).slice(0, limit).map(([t]) => t);
}
