import type { Vector } from './similarity.js';

/**
 * An inverted index over sparse vectors held in numbered slots, so that scoring one query
 * against thousands of paragraphs and sentences costs the length of the posting lists of the
 * query's terms, not a cosine per candidate; and so that one paragraph's vector can be
 * replaced as the author types without rebuilding the rest. Dot products of L2-normalised
 * vectors are their cosines.
 */
export class SlotIndex {
  /** Term → [slot, weight, slot, weight, …]: flat, since most terms are in one or two slots. */
  private readonly postings: (number[] | undefined)[] = [];
  private acc = new Float64Array(64);
  private readonly touched: number[] = [];
  private readonly free: number[] = [];
  private next = 0;

  /** Puts `vector` in a new slot and returns the slot. */
  add(vector: Vector): number {
    const slot = this.free.pop() ?? this.next++;
    if (slot >= this.acc.length) {
      const grown = new Float64Array(Math.max(slot + 1, this.acc.length * 2));
      grown.set(this.acc);
      this.acc = grown;
    }
    for (const [term, weight] of vector) {
      const list = this.postings[term];
      if (list) list.push(slot, weight);
      else this.postings[term] = [slot, weight];
    }
    return slot;
  }

  /** Empties `slot`, which held `vector`, for reuse. */
  remove(slot: number, vector: Vector): void {
    for (const term of vector.keys()) {
      const list = this.postings[term];
      if (!list) continue;
      if (list.length === 2) {
        this.postings[term] = undefined;
        continue;
      }
      // Order within a list does not matter (each slot's sum runs in query order): move the last pair in.
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== slot) continue;
        list[i] = list[list.length - 2];
        list[i + 1] = list[list.length - 1];
        list.length -= 2;
        break;
      }
    }
    this.free.push(slot);
  }

  /**
   * Calls `visit(slot, dot)` for every slot sharing a term with `query`, the dot clipped to
   * [0, 1]. Each slot's sum is taken over the query's terms in the query's order — the order
   * `dotInQueryOrder` uses — so the two give the same number to the bit.
   */
  forEachDot(query: Vector, visit: (slot: number, dot: number) => void): void {
    for (const [term, w] of query) {
      const list = this.postings[term];
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const slot = list[i];
        if (this.acc[slot] === 0) this.touched.push(slot);
        this.acc[slot] += w * list[i + 1];
      }
    }
    for (const slot of this.touched) {
      const dot = this.acc[slot];
      this.acc[slot] = 0;
      visit(slot, clip(dot));
    }
    this.touched.length = 0;
  }
}

export function clip(dot: number): number {
  return Math.max(0, Math.min(1, dot));
}
