/*
 * Term weights. IDF is computed from document frequencies read on a grid: exact up to
 * EXACT_UP_TO, then rounded to steps of about 10%. The ranking barely notices (an IDF moves by
 * at most 0.05), but a keystroke that adds or removes one paragraph's use of a common word
 * almost never moves that word's weight, so only the edited paragraph's vector — and those of
 * the few paragraphs sharing a rare word whose count changed — must be recomputed
 * (server/src/trace/state.ts). Full and incremental computations use these same functions, so
 * they agree to the bit.
 */

const EXACT_UP_TO = 24;
/** Grid steps per factor of e: exp(1/10) ≈ 1.105. */
const STEPS = 10;

/** `n` as the weights see it. Monotone, so a term never seems rarer than a rarer term. */
export function gridded(n: number): number {
  return n <= EXACT_UP_TO ? n : Math.round(Math.exp(Math.round(Math.log(n) * STEPS) / STEPS));
}

/**
 * What a term's weight depends on besides the paragraph count: its gridded document
 * frequency, or -1 when it is left out (a bigram no other paragraph has: phrases are a bonus
 * when two texts share them, not a penalty on every text that shares none).
 */
export function termParameter(bigram: boolean, df: number): number {
  return bigram && df <= 1 ? -1 : gridded(df);
}

/** Smoothed IDF: rare terms weigh most; a term in every paragraph still weighs a little. */
export function idf(griddedUnits: number, parameter: number): number {
  if (griddedUnits !== idfUnits) {
    idfUnits = griddedUnits;
    idfs.length = 0;
  }
  return (idfs[parameter] ??= Math.log((1 + griddedUnits) / (1 + parameter)) + 1);
}

/** IDFs for the last paragraph count seen: a few hundred distinct values serve every term. */
let idfUnits = -1;
const idfs: number[] = [];

/** Sub-linear TF × IDF (bigrams ×1.5), L2-normalised. `parameterOf` gives termParameter. */
export function weightVector(counts: Map<number, number>, griddedUnits: number, parameterOf: (term: number) => number, isBigram: (term: number) => boolean): Map<number, number> {
  const v = new Map<number, number>();
  let norm = 0;
  for (const [term, n] of counts) {
    const p = parameterOf(term);
    if (p < 0) continue;
    const w = (n === 1 ? 1 : 1 + Math.log(n)) * idf(griddedUnits, p) * (isBigram(term) ? 1.5 : 1);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of v) v.set(term, w / norm);
  return v;
}
