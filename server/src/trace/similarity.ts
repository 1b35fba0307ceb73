/** Sparse TF-IDF vectors over term ids (terms.ts: stems and their bigrams), and their cosine. */
export type Vector = Map<number, number>;

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const x = large.get(term);
    if (x !== undefined) dot += w * x;
  }
  return Math.max(0, Math.min(1, dot));
}
