/** Sparse TF-IDF vectors over term ids (terms.ts: stems and their bigrams), and their cosine. */
export type Vector = Map<number, number>;

export function cosine(a: Vector, b: Vector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let dot = 0;
  // forEach, not for…of: no [key, value] array per entry (this runs on every keystroke).
  small.forEach((w, term) => {
    const x = large.get(term);
    if (x !== undefined) dot += w * x;
  });
  return Math.max(0, Math.min(1, dot));
}
