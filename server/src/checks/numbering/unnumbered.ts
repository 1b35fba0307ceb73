import type { Check, Fix } from '../types.js';
import type { Fragment, ReportModel } from '../../model/types.js';
import { renumberEdits } from '../../fixes/renumber.js';
import { settleFixes } from '../../fixes/listStart.js';
import { lineStartOf } from '../../fixes/lines.js';

/**
 * numbering/unnumbered: a plain paragraph or bullet between two numbered paragraphs of one
 * section. Usually a page-break fragment (join it back) or a paragraph that lost its number
 * (number it). Not one that states a judgement ("The graded judgement for adoption performance
 * is that it is good."): reports numbered straight through their sections set those apart.
 */
export const unnumberedCheck: Check = {
  id: 'numbering-unnumbered',
  codes: { 'numbering/unnumbered': 'warning' },
  run(model) {
    return model.fragments.flatMap((f, i) => {
      if (f.stray || statesJudgement(model, f)) return [];
      const before = model.paragraphs[f.previous];
      const continues = startsLowerCase(f.text);
      const hint = continues
        ? `it starts in mid-sentence: probably the rest of paragraph ${before.number}, split by a page break`
        : `it may be a paragraph that lost its number`;
      return [{
        code: 'numbering/unnumbered',
        span: firstLine(model, f),
        message: `Unnumbered ${f.kind} between paragraphs ${before.number} and ${model.paragraphs[f.next].number}: ${hint}.`,
        data: { fragment: i },
      }];
    });
  },
  fixes(model, diagnostic) {
    const index = diagnostic.data?.fragment;
    const f = typeof index === 'number' ? model.fragments[index] : undefined;
    if (!f) return [];
    const fixes: Fix[] = [];
    const continues = startsLowerCase(f.text);
    const before = model.paragraphs[f.previous];
    if (f.joinAfter !== undefined && f.joinAfter <= f.span.start) {
      fixes.push({
        title: `Join with the previous paragraph (${before.number})`,
        edits: [{ span: { start: f.joinAfter, end: f.textStart }, newText: ' ' }],
        isPreferred: continues,
      });
    }
    // The fragment's line must then read as a numbered paragraph (fixes/listStart.ts).
    const line = { lineStart: lineStartOf(model.text, f.span.start), digits: String(before.number + 1) };
    const numbered = settleFixes(model, [{ edits: numberItEdits(model, f), line }]);
    if (!numbered.left.length) fixes.push({ title: `Number it ${before.number + 1}`, edits: numbered.edits, isPreferred: !continues });
    return fixes;
  },
};

function statesJudgement(model: ReportModel, f: Fragment): boolean {
  return model.judgements.some((j) => j.kind === 'sentence' && j.span.start >= f.span.start && j.span.start < f.span.end);
}

function startsLowerCase(text: string): boolean {
  const c = text.trimStart().charAt(0);
  return c !== '' && c === c.toLowerCase() && c !== c.toUpperCase();
}

/** Diagnose the first line only: a whole paragraph underlined hides the text. */
function firstLine(model: ReportModel, f: Fragment) {
  const line = model.lines.lineAt(f.span.start);
  return { start: f.span.start, end: Math.min(f.span.end, model.lines.lineContentEnd(line)) };
}

/**
 * Give the fragment the next number, and shift the paragraphs after it (with their
 * references) when they would otherwise collide with it.
 */
function numberItEdits(model: ReportModel, f: Fragment) {
  const n = model.paragraphs[f.previous].number + 1;
  const marker = `${n}. `;
  const insert = f.kind === 'bullet' && f.bulletSpan
    ? { span: f.bulletSpan, newText: marker }
    : { span: { start: f.textStart, end: f.textStart }, newText: marker };
  const shifts = new Map<number, number>();
  let next = n + 1;
  for (let i = f.next; i < model.paragraphs.length; i++) {
    const p = model.paragraphs[i];
    if (p.part !== model.paragraphs[f.previous].part || p.number >= next) break;
    shifts.set(i, next++);
  }
  return [insert, ...renumberEdits(model, shifts)].sort((a, b) => a.span.start - b.span.start);
}
