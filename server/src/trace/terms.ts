/**
 * Terms as small integers: a stem, or a pair of adjacent stems (a bigram: "strategy
 * discussion" is evidence the two words alone are not). Counting, document frequencies,
 * vectors and postings then work on numbers, with no string built or hashed per term — the
 * difference between a report's first trace costing a fifth of its parse or a twentieth.
 * Ids belong to one table (one trace state); names are kept for reading vectors back.
 */
export class TermTable {
  private readonly stems = new Map<string, number>();
  /** First stem → second stem → bigram id (nested, so every key is a small integer). */
  private readonly pairs = new Map<number, Map<number, number>>();
  /** A stem's text, or for a bigram its two stems' ids (its text is only needed to read vectors). */
  private readonly names: (string | [number, number])[] = [];

  get size(): number {
    return this.names.length;
  }

  stem(s: string): number {
    let id = this.stems.get(s);
    if (id === undefined) {
      id = this.add(s);
      this.stems.set(s, id);
    }
    return id;
  }

  pair(a: number, b: number): number {
    let after = this.pairs.get(a);
    if (!after) this.pairs.set(a, (after = new Map()));
    let id = after.get(b);
    if (id === undefined) {
      id = this.add([a, b]);
      after.set(b, id);
    }
    return id;
  }

  isBigram(id: number): boolean {
    return typeof this.names[id] !== 'string';
  }

  name(id: number): string {
    const n = this.names[id];
    return typeof n === 'string' ? n : `${this.name(n[0])} ${this.name(n[1])}`;
  }

  private add(name: string | [number, number]): number {
    this.names.push(name);
    return this.names.length - 1;
  }
}

/** Term counts of a sequence of stems, with each adjacent pair counted as a bigram too. */
export function countTerms(stems: readonly number[], table: TermTable): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < stems.length; i++) {
    counts.set(stems[i], (counts.get(stems[i]) ?? 0) + 1);
    if (i + 1 < stems.length) {
      const bigram = table.pair(stems[i], stems[i + 1]);
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return counts;
}
