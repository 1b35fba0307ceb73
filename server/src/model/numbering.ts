import type { NumberedParagraph, ReportModel } from './types.js';
import { perModel } from './perModel.js';

export type NumberingIssue = 'gap' | 'duplicate' | 'order';

export interface NumberingVerdict {
  /** The number this paragraph should carry given the ones before it. */
  expected: number;
  issue?: NumberingIssue;
  /** For a duplicate: the earlier paragraph with the same number. */
  duplicateOf?: number;
}

const VERDICTS = Symbol('numbering verdicts');

/**
 * One verdict per numbered paragraph. Numbering is a scan: each paragraph should be one more
 * than the last good one (1 at the start of a part). A single mistyped number is an outlier:
 * when its neighbours agree with each other, the paragraph after it is judged against the
 * expected sequence, so one typo gives one diagnostic, not two.
 */
export function numberingVerdicts(model: ReportModel): NumberingVerdict[] {
  return perModel(model, VERDICTS, () => computeVerdicts(model.paragraphs));
}

export function computeVerdicts(paragraphs: NumberedParagraph[]): NumberingVerdict[] {
  const verdicts: NumberingVerdict[] = [];
  let last = 0; // the number the next paragraph continues from
  let high = 0; // highest number seen in this part
  let part = -1;
  let seen = new Map<number, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.part !== part) {
      part = p.part;
      last = 0;
      high = 0;
      seen = new Map();
    }
    const expected = last + 1;
    const verdict: NumberingVerdict = { expected };
    if (p.number !== expected) {
      const next = paragraphs[i + 1];
      const outlier = next !== undefined && next.part === p.part && next.number === expected + 1;
      if (seen.has(p.number)) {
        verdict.issue = 'duplicate';
        verdict.duplicateOf = seen.get(p.number);
      } else if (p.number < expected) {
        verdict.issue = 'order';
      } else {
        verdict.issue = 'gap';
      }
      if (outlier) {
        last = expected;
      } else if (verdict.issue === 'order') {
        // Going backwards: continue from the highest number reached, so that the paragraphs
        // after a swapped pair are not all reported.
        last = Math.max(high, p.number);
      } else {
        last = p.number;
      }
    } else {
      last = p.number;
    }
    high = Math.max(high, p.number);
    if (!seen.has(p.number)) seen.set(p.number, i);
    verdicts.push(verdict);
  }
  return verdicts;
}

/** The numbers a clean report would carry: 1, 2, 3 … in each part. */
export function idealNumbers(paragraphs: NumberedParagraph[]): number[] {
  const out: number[] = [];
  let part = -1;
  let n = 0;
  for (const p of paragraphs) {
    if (p.part !== part) {
      part = p.part;
      n = 0;
    }
    out.push(++n);
  }
  return out;
}
