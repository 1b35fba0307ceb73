import type { ReportModel } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import type { TracedImprovement } from './trace.js';

export type CitationStyle = 'visible' | 'comment';

/**
 * The edit that cites paragraph `number` in an improvement: "(see paragraph 50)" before its
 * final full stop, or `<!-- findings: 50 -->` at its end (renders as nothing).
 */
export function citeEdit(model: ReportModel, imp: TracedImprovement, number: number, style: CitationStyle): TextEdit {
  let end = imp.span.end;
  while (end > imp.span.start && /\s/.test(model.text[end - 1])) end--;
  if (style === 'comment') {
    // From the last `<!--` only: the pattern tried from every `<!--` is quadratic on a line of them.
    const from = Math.max(imp.span.start, model.text.lastIndexOf('<!--', end - 1));
    const existing = /<!--[ \t]*findings?[ \t]*:([^>]*?)[ \t]*-->$/.exec(model.text.slice(from, end));
    if (existing) {
      const at = from + existing.index + existing[0].length - existing[0].slice(existing[0].lastIndexOf(existing[1]) + existing[1].length).length;
      return { span: { start: at, end: at }, newText: `, ${number}` };
    }
    return { span: { start: end, end }, newText: ` <!-- findings: ${number} -->` };
  }
  const stop = /[.;]$/.test(model.text.slice(end - 1, end)) ? end - 1 : end;
  return { span: { start: stop, end: stop }, newText: ` (see paragraph ${number})` };
}
