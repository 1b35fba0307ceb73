/**
 * Terms as small integers: a stem, or a pair of adjacent stems (a bigram: "strategy
 * discussion" is evidence the two words alone are not). Counting, document frequencies,
 * vectors and postings then work on numbers, with no string built or hashed per term — the
 * difference between a report's first trace costing a fifth of its parse or a twentieth.
 * Ids belong to one table (one trace state); names are kept for reading vectors back.
 */
export class TermTable {
  private readonly stems = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private readonly names: string[] = [];
  private readonly bigrams: boolean[] = [];

  get size(): number {
    return this.names.length;
  }

  stem(s: string): number {
    let id = this.stems.get(s);
    if (id === undefined) {
      id = this.add(s, false);
      this.stems.set(s, id);
    }
    return id;
  }

  pair(a: number, b: number): number {
    const key = a * PAIR_KEY + b;
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.add(`${this.names[a]} ${this.names[b]}`, true);
      this.pairs.set(key, id);
    }
    return id;
  }

  isBigram(id: number): boolean {
    return this.bigrams[id];
  }

  name(id: number): string {
    return this.names[id];
  }

  private add(name: string, bigram: boolean): number {
    this.names.push(name);
    this.bigrams.push(bigram);
    return this.names.length - 1;
  }
}

/** Ids stay below this (a table is dropped long before), so a pair's key is an exact integer. */
export const PAIR_KEY = 2 ** 26;

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
