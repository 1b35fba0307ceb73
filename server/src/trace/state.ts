import type { Vector } from './similarity.js';
import { SlotIndex, clip } from './slotIndex.js';
import { gridded, termParameter, weightVector } from './weights.js';
import { runAtOnce } from '../util/inSteps.js';
import type { TermTable } from './terms.js';

/*
 * The similarity side of the trace, kept from one document version to the next. As an author
 * types, one paragraph's text changes; every other paragraph's words, vector and scores are
 * what they were. The state is keyed by text (a paragraph is its text here: where it sits
 * does not change its words), holds the document frequencies of the paragraphs it was last
 * given, and on an update recomputes only:
 *
 * - the vectors of new texts, and of texts containing a term whose weight moved (its gridded
 *   document frequency changed: weights.ts — found by looking through the texts, cheaper
 *   than keeping an index for the rare times it is needed), or every vector when the
 *   gridded paragraph count moved;
 * - for each improvement text whose vector is unchanged, its scores against the candidates
 *   whose vectors changed; for the others, all their scores.
 *
 * Every number is computed by the same code, with sums in the same order, as a fresh state
 * would compute it, so an updated state answers exactly as a fresh one (a property test in
 * test/unit/traceIncremental.test.ts holds it to that).
 */

/** Scores below this are not kept (ranking never lists them). */
export const KEEP_THRESHOLD = 0.03;
/** Share of a score that comes from the best-matching sentence (the rest: the whole paragraph). */
export const SENTENCE_WEIGHT = 0.5;

/** A text's term counts, and each sentence's when asked for (only candidates need those). */
export interface Reading {
  counts: Map<number, number>;
  sentences?: Map<number, number>[];
}

/** Reads texts into counts of the terms of its table. */
export interface Reader {
  readonly table: TermTable;
  read(text: string, sentences: boolean): Reading;
}

interface Sentence {
  vector: Vector;
  slot: number;
}

export interface Entry {
  readonly text: string;
  readonly counts: Map<number, number>;
  /** How many units of the current version have this text, as improvements and as candidates. */
  improvements: number;
  candidates: number;
  vector: Vector | undefined;
  /** While a candidate: its slot in the paragraph index and its sentences. */
  slot: number;
  sentences: Sentence[];
  /** Sentence counts read with the text and not yet indexed (dropped once used: they are cheap to read again). */
  unindexed: Map<number, number>[] | undefined;
  /** While an improvement: candidates scoring at least KEEP_THRESHOLD, with their scores. */
  row: Map<Entry, number> | undefined;
}

export class TraceState {
  private readonly entries = new Map<string, Entry>();
  /** By term id: how many units contain the term, and the parameter its weight was last computed with. */
  private readonly df: number[] = [];
  private readonly parameters: (number | undefined)[] = [];
  private readonly paragraphs = new SlotIndex();
  private readonly sentences = new SlotIndex();
  private readonly paragraphOwner: Entry[] = [];
  private readonly sentenceOwner: Entry[] = [];
  private griddedUnits = -1;

  constructor(private readonly reader: Reader) {}

  entry(text: string): Entry | undefined {
    return this.entries.get(text);
  }

  /**
   * Makes the state that of a version with these improvement and candidate texts (repeats
   * count). The texts are kept: none may be a slice of a longer string (see newEntry).
   */
  update(improvementTexts: readonly string[], candidateTexts: readonly string[]): number {
    return runAtOnce(this.steps(improvementTexts, candidateTexts));
  }

  /**
   * update, a step at a time (a text read, a vector weighed, a row scored), for whoever must
   * hand control back now and then (trace.ts prepareTrace). An update that starts while
   * another is under way finishes that one first, so the state is never seen half-updated.
   */
  *steps(improvementTexts: readonly string[], candidateTexts: readonly string[]): Generator<void, number> {
    if (this.running) runAtOnce(this.running);
    const run = this.updating(improvementTexts, candidateTexts);
    this.running = run;
    const number = ++this.updates;
    try {
      while (!run.next().done) yield;
    } finally {
      if (this.running === run) this.running = undefined;
    }
    return number;
  }

  /**
   * How many updates have started. An update's steps return its number: while it is still
   * the state's last, the state is that update's (trace.ts links a suspended trace only then).
   */
  updates = 0;

  private running: Generator<void, void> | undefined;

  /** The lists of the last update (copies), which the next is compared with (countsOf). */
  private last: { improvements: readonly string[]; candidates: readonly string[] } | undefined;
  /** Entries that are candidates, and those that are improvements, kept up to date by `adjust`. */
  private candidateCount = 0;
  private readonly improvementEntries = new Set<Entry>();

  /**
   * The counts of this version's texts, as improvements and as candidates. Usually a keystroke
   * changes one text of the lists: then (`complete` false) only the texts in the stretches of
   * the lists that differ from the last update's are counted, from their entries' counts, and
   * the rest are known to be unchanged; otherwise (`complete`) every text is counted. In both,
   * texts come in the order they first occur in the new lists (improvements, then candidates),
   * which is the order new texts are read in (term ids); texts that left come after them.
   */
  private countsOf(improvementTexts: readonly string[], candidateTexts: readonly string[]): { counts: Map<string, Counts>; complete: boolean } {
    const last = this.last;
    this.last = { improvements: improvementTexts.slice(), candidates: candidateTexts.slice() };
    const counts = new Map<string, Counts>();
    if (last && this.entries.size > 0) {
      const imps = changedStretch(last.improvements, improvementTexts);
      const cands = changedStretch(last.candidates, candidateTexts);
      if (imps.removed.length + imps.added.length + cands.removed.length + cands.added.length <= MAX_STRETCH) {
        const at = (text: string): Counts => {
          let n = counts.get(text);
          if (!n) {
            const e = this.entries.get(text);
            counts.set(text, (n = { improvements: e?.improvements ?? 0, candidates: e?.candidates ?? 0 }));
          }
          return n;
        };
        for (const text of imps.added) at(text).improvements++;
        for (const text of cands.added) at(text).candidates++;
        for (const text of imps.removed) at(text).improvements--;
        for (const text of cands.removed) at(text).candidates--;
        return { counts, complete: false };
      }
    }
    for (let i = 0; i < improvementTexts.length; i++) countIn(counts, improvementTexts[i]).improvements++;
    for (let i = 0; i < candidateTexts.length; i++) countIn(counts, candidateTexts[i]).candidates++;
    return { counts, complete: true };
  }

  // Maps and Sets are walked with forEach, not for…of: in a generator that made an iterator
  // result per element, ~35 KB per keystroke (for…of over arrays is left). New texts are read
  // first, in `wanted`'s order (which gives term ids), then counted in that same order; rows
  // are patched before whole rows are scored (each reads only indexes and vectors). So every
  // number, and the order of every Set, is what reading, counting and scoring one text at a
  // time gave.
  private *updating(improvementTexts: readonly string[], candidateTexts: readonly string[]): Generator<void, void> {
    const { counts: wanted, complete } = this.countsOf(improvementTexts, candidateTexts);

    // A first update computes every weight anyway: no need to track which terms moved.
    const first = this.entries.size === 0;
    const touchedTerms = new Set<number>();
    const created = new Set<Entry>();
    const changedCandidates = new Set<Entry>();
    const removedCandidates: Entry[] = [];
    const adjust = (e: Entry, improvements: number, candidates: number) => {
      const delta = improvements + candidates - (e.improvements + e.candidates);
      if (delta !== 0) {
        e.counts.forEach((_, term) => {
          this.df[term] = (this.df[term] ?? 0) + delta;
          if (!first) touchedTerms.add(term);
        });
      }
      if (e.improvements > 0 && improvements === 0) {
        e.row = undefined;
        this.improvementEntries.delete(e);
      }
      if (e.improvements === 0 && improvements > 0) this.improvementEntries.add(e);
      if (e.candidates === 0 && candidates > 0) {
        changedCandidates.add(e);
        this.candidateCount++;
      }
      if (e.candidates > 0 && candidates === 0) {
        this.leaveIndexes(e);
        removedCandidates.push(e);
        this.candidateCount--;
      }
      e.improvements = improvements;
      e.candidates = candidates;
    };

    // Texts no unit has any more: with complete counts, those not counted; otherwise those
    // counted at zero.
    const gone: Entry[] = [];
    if (complete) {
      this.entries.forEach((e) => {
        if (!wanted.has(e.text)) gone.push(e);
      });
    } else {
      wanted.forEach((n, text) => {
        const e = n.improvements + n.candidates === 0 ? this.entries.get(text) : undefined;
        if (e) gone.push(e);
      });
    }
    for (const e of gone) {
      adjust(e, 0, 0);
      this.forget(e);
    }
    // Texts not read yet, in the order wanted has them; then every wanted text counted, in
    // that same order.
    const unread: string[] = [];
    wanted.forEach((n, text) => {
      if (n.improvements + n.candidates > 0 && !this.entries.has(text)) unread.push(text);
    });
    for (const text of unread) {
      const e = newEntry(text, this.reader.read(text, wanted.get(text)!.candidates > 0));
      yield;
      this.entries.set(e.text, e);
      created.add(e);
    }
    wanted.forEach((n, text) => {
      // (Texts that left were forgotten above.)
      const e = this.entries.get(text);
      if (e && (e.improvements !== n.improvements || e.candidates !== n.candidates)) adjust(e, n.improvements, n.candidates);
    });

    // Which vectors are stale: new texts, and texts with a term whose weight moved.
    const units = improvementTexts.length + candidateTexts.length;
    const all = gridded(units) !== this.griddedUnits;
    this.griddedUnits = gridded(units);
    const stale = new Set<Entry>(created);
    const table = this.reader.table;
    if (first) for (let term = 0; term < this.df.length; term++) if (this.df[term]) this.parameters[term] = termParameter(table.isBigram(term), this.df[term]);
    const moved = new Set<number>();
    touchedTerms.forEach((term) => {
      const df = this.df[term] ?? 0;
      if (df === 0) {
        this.parameters[term] = undefined;
        return;
      }
      const p = termParameter(table.isBigram(term), df);
      const before = this.parameters[term];
      if (before === p) return;
      this.parameters[term] = p;
      // A term new to the document is only in new texts, which are stale already.
      if (before !== undefined) moved.add(term);
    });
    if (moved.size > 0 && !all) {
      this.entries.forEach((e) => {
        if (stale.has(e)) return;
        if (moved.size < e.counts.size ? [...moved].some((t) => e.counts.has(t)) : [...e.counts.keys()].some((t) => moved.has(t))) stale.add(e);
      });
    }
    const toRevector: Entry[] = [];
    (all ? this.entries : stale).forEach((e: Entry) => {
      toRevector.push(e);
    });
    for (const e of toRevector) {
      stale.add(e);
      this.revector(e);
      yield;
      if (e.candidates > 0) changedCandidates.add(e);
    }
    // A text that was only an improvement and is now a candidate too keeps its vector but joins the indexes.
    changedCandidates.forEach((e) => {
      if (e.slot < 0) this.index(e);
    });

    // Scores: whole rows for improvements whose vector changed; otherwise only the changed candidates.
    const patchable = changedCandidates.size * 4 < this.candidateCount;
    const needRows: Entry[] = [];
    this.improvementEntries.forEach((e) => {
      // A text that has just become an improvement has no row (it is dropped when one stops being one).
      if (!e.row || stale.has(e) || !patchable) {
        needRows.push(e);
        return;
      }
      const row = e.row;
      for (let i = 0; i < removedCandidates.length; i++) row.delete(removedCandidates[i]);
      changedCandidates.forEach((c) => {
        const s = this.score(e.vector!, c);
        if (s >= KEEP_THRESHOLD) row.set(c, s);
        else row.delete(c);
      });
    });
    for (const e of needRows) {
      e.row = this.fullRow(e.vector!);
      yield;
    }
  }

  private parameterOf = (term: number): number => this.parameters[term] ?? termParameter(this.reader.table.isBigram(term), this.df[term] ?? 0);
  private isBigram = (term: number): boolean => this.reader.table.isBigram(term);

  get termCount(): number {
    return this.reader.table.size;
  }

  /** A term's text ("assess", or "strategy discuss"), for reading vectors. */
  termName(term: number): string {
    return this.reader.table.name(term);
  }

  private revector(e: Entry): void {
    this.leaveIndexes(e);
    e.vector = weightVector(e.counts, this.griddedUnits, this.parameterOf, this.isBigram);
    if (e.candidates > 0) this.index(e);
  }

  /** Enters a candidate's vector and its sentences' vectors in the indexes. */
  private index(e: Entry): void {
    e.slot = this.paragraphs.add(e.vector!);
    this.paragraphOwner[e.slot] = e;
    const sentenceCounts = e.unindexed ?? this.reader.read(e.text, true).sentences!;
    e.unindexed = undefined;
    e.sentences = sentenceCounts.map((counts) => {
      const vector = weightVector(counts, this.griddedUnits, this.parameterOf, this.isBigram);
      const slot = this.sentences.add(vector);
      this.sentenceOwner[slot] = e;
      return { vector, slot };
    });
  }

  private leaveIndexes(e: Entry): void {
    if (e.slot >= 0 && e.vector) this.paragraphs.remove(e.slot, e.vector);
    for (const s of e.sentences) this.sentences.remove(s.slot, s.vector);
    e.slot = -1;
    e.sentences = [];
  }

  private forget(e: Entry): void {
    this.entries.delete(e.text);
  }

  /** Scores of one improvement vector against every candidate, through the indexes. */
  private fullRow(q: Vector): Map<Entry, number> {
    const whole = new Map<Entry, number>();
    const best = new Map<Entry, number>();
    this.paragraphs.forEachDot(q, (slot, dot) => whole.set(this.paragraphOwner[slot], dot));
    this.sentences.forEachDot(q, (slot, dot) => {
      const owner = this.sentenceOwner[slot];
      if (dot > (best.get(owner) ?? 0)) best.set(owner, dot);
    });
    const row = new Map<Entry, number>();
    for (const [c, w] of whole) {
      const s = combine(best.get(c) ?? 0, w);
      if (s >= KEEP_THRESHOLD) row.set(c, s);
    }
    return row;
  }


  /** One improvement vector against one candidate, directly: the same sums as fullRow. */
  private score(q: Vector, c: Entry): number {
    const v = c.vector!;
    let dot = 0;
    // The terms both share, in q's order (kept in scratch arrays: this runs on every keystroke).
    let shared = 0;
    q.forEach((w, term) => {
      const x = v.get(term);
      if (x === undefined) return;
      dot += w * x;
      sharedTerms[shared] = term;
      sharedWeights[shared++] = w;
    });
    if (shared === 0) return 0;
    let best = 0;
    for (const s of c.sentences) {
      let sdot = 0;
      let any = false;
      for (let i = 0; i < shared; i++) {
        const x = s.vector.get(sharedTerms[i]);
        if (x === undefined) continue;
        sdot += sharedWeights[i] * x;
        any = true;
      }
      if (any && clip(sdot) > best) best = clip(sdot);
    }
    return combine(best, clip(dot));
  }
}

/** Longest stretches of changed texts (removed and added, both lists) counted apart: beyond, all are. */
const MAX_STRETCH = 32;

interface Counts {
  improvements: number;
  candidates: number;
}

/**
 * Where `next` differs from `prev`: the texts of `prev` between their common start and
 * common end (compared as strings: a unit that did not change hands over the same string),
 * and those of `next` in their place.
 */
function changedStretch(prev: readonly string[], next: readonly string[]): { removed: readonly string[]; added: readonly string[] } {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { removed: prev.slice(start, prev.length - end), added: next.slice(start, next.length - end) };
}

const sharedTerms: number[] = [];
const sharedWeights: number[] = [];

/** The counts of `text` in `wanted`, made at zero if new. */
function countIn(wanted: Map<string, Counts>, text: string): Counts {
  let n = wanted.get(text);
  if (!n) wanted.set(text, (n = { improvements: 0, candidates: 0 }));
  return n;
}

/**
 * An entry for a text just read, not yet counted. It keeps the caller's string itself, not a
 * copy: texts are looked up by value on every version, and a lookup with the very string a
 * key was made from compares no characters (with a copy as the key, every lookup compared
 * the whole paragraph: ~0.06 ms per 1x keystroke). So texts given to the state must not be
 * slices of a longer string (the state outlives the version they were read from): trace.ts
 * gives it detached copies, remembered per unit (text/detach.ts).
 */
function newEntry(text: string, reading: Reading): Entry {
  return { text, counts: reading.counts, improvements: 0, candidates: 0, vector: undefined, slot: -1, sentences: [], unindexed: reading.sentences, row: undefined };
}

function combine(bestSentence: number, whole: number): number {
  return SENTENCE_WEIGHT * bestSentence + (1 - SENTENCE_WEIGHT) * whole;
}
