import type { Vector } from './similarity.js';

/**
 * An inverted index over sparse vectors, so that scoring one query against thousands of
 * paragraphs and sentences costs the length of the posting lists of the query's terms, not
 * a cosine per candidate. Dot products of L2-normalised vectors are their cosines.
 */
export class InvertedIndex {
  private readonly postings = new Map<string, { id: number; weight: number }[]>();
  private readonly acc: Float64Array;
  private readonly touched: number[] = [];

  constructor(vectors: Vector[]) {
    vectors.forEach((v, id) => {
      for (const [term, weight] of v) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ id, weight });
      }
    });
    this.acc = new Float64Array(vectors.length);
  }

  /**
   * Calls `visit(id, dot)` for every indexed vector sharing a term with `query`. The buffer
   * is reused: read the values inside `visit`.
   */
  forEachDot(query: Vector, visit: (id: number, dot: number) => void): void {
    for (const [term, w] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (const p of list) {
        if (this.acc[p.id] === 0) this.touched.push(p.id);
        this.acc[p.id] += w * p.weight;
      }
    }
    for (const id of this.touched) {
      visit(id, Math.max(0, Math.min(1, this.acc[id])));
      this.acc[id] = 0;
    }
    this.touched.length = 0;
  }
}
