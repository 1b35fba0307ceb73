import type { TraceLink } from './trace.js';

/**
 * The best-scoring inferred links offered so far for one improvement: at most `size`, best
 * first, in a total order (score, then lower number, then earlier paragraph). Kept in typed
 * arrays reused from improvement to improvement, and made into TraceLink objects only at the
 * end: a link object per offer that was among the best so far cost ~40 KB per keystroke.
 */
export class TopLinks {
  private readonly scores: Float64Array;
  private readonly numbers: Float64Array;
  private readonly paragraphs: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.scores = new Float64Array(size);
    this.numbers = new Float64Array(size);
    this.paragraphs = new Float64Array(size);
  }

  clear(): void {
    this.count = 0;
  }

  offer(paragraph: number, number: number, score: number): void {
    const full = this.count === this.size;
    if (full && !this.before(score, number, paragraph, this.size - 1)) return;
    let i = full ? this.size - 1 : this.count++;
    for (; i > 0 && this.before(score, number, paragraph, i - 1); i--) {
      this.scores[i] = this.scores[i - 1];
      this.numbers[i] = this.numbers[i - 1];
      this.paragraphs[i] = this.paragraphs[i - 1];
    }
    this.scores[i] = score;
    this.numbers[i] = number;
    this.paragraphs[i] = paragraph;
  }

  /** Appends the links kept, best first, to `out`. */
  appendTo(out: TraceLink[]): void {
    for (let i = 0; i < this.count; i++) out.push({ paragraph: this.paragraphs[i], number: this.numbers[i], score: this.scores[i], explicit: false });
  }

  private before(score: number, number: number, paragraph: number, j: number): boolean {
    const s = this.scores[j];
    return score > s || (score === s && (number < this.numbers[j] || (number === this.numbers[j] && paragraph < this.paragraphs[j])));
  }
}
