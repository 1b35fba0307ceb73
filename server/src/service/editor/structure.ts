import type { ReportModel, Span } from '../../model/types.js';
import { htmlComments } from '../../text/normalise.js';

export interface FoldingSpan {
  span: Span;
  kind?: 'comment' | 'region' | 'imports';
}

/** End of a span with trailing whitespace (blank lines) removed. */
function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text.charAt(end - 1))) end--;
  return { start: span.start, end };
}

/**
 * Folding: front matter, every section (heading to the last text before the next heading of
 * the same or a higher level), every numbered paragraph that spans more than one line, and
 * HTML comments over several lines. Callers drop single-line ranges.
 */
export function foldingSpans(model: ReportModel): FoldingSpan[] {
  const out: FoldingSpan[] = [];
  if (model.frontMatter) out.push({ span: trimEnd(model.text, model.frontMatter.span), kind: 'imports' });
  for (const s of model.sections) out.push({ span: trimEnd(model.text, s.span) });
  for (const p of model.paragraphs) if (p.form !== 'stray') out.push({ span: trimEnd(model.text, p.span) });
  for (const f of model.fragments) out.push({ span: trimEnd(model.text, f.span) });
  for (const t of model.tables) out.push({ span: trimEnd(model.text, t.span) });
  // By indexOf, not /<!--[\s\S]*?-->/g: that scans to the end from every unclosed `<!--`.
  for (const c of htmlComments(model.text)) {
    if (model.text.slice(c.start, c.end).includes('\n')) out.push({ span: c, kind: 'comment' });
  }
  return out;
}

/**
 * Smart selection at `offset`, innermost first: the number or cross-reference under the
 * cursor, the paragraph's text, the whole numbered paragraph (or table row, table), then each
 * enclosing section, the document. Each span contains the one before it.
 */
export function selectionSpans(model: ReportModel, offset: number): Span[] {
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  const candidates: Span[] = [];
  for (const r of model.references) {
    if (!inside(r.span)) continue;
    for (const n of r.numbers) if (inside(n.span)) candidates.push(n.span);
    candidates.push(r.span);
  }
  for (const p of model.paragraphs) {
    if (!inside(p.span)) continue;
    if (inside(p.numberSpan)) candidates.push(p.numberSpan);
    if (p.form !== 'stray') candidates.push(trimEnd(model.text, { start: p.textStart, end: p.span.end }));
    candidates.push(trimEnd(model.text, p.span));
  }
  for (const f of model.fragments) if (inside(f.span)) candidates.push(trimEnd(model.text, f.span));
  for (const t of model.tables) {
    if (!inside(t.span)) continue;
    for (const row of t.rows) {
      if (!inside(row.span)) continue;
      for (const c of row.cells) if (inside(c.span)) candidates.push(c.span);
      candidates.push(row.span);
    }
    candidates.push(t.span);
  }
  for (const s of model.sections) {
    if (inside(s.headingSpan)) candidates.push(trimEnd(model.text, s.headingSpan));
    if (inside(s.span)) candidates.push(trimEnd(model.text, s.span));
  }
  if (model.frontMatter && inside(model.frontMatter.span)) candidates.push(model.frontMatter.span);
  candidates.push({ start: 0, end: model.text.length });
  // Keep a chain where each span strictly contains the previous one.
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  const chain: Span[] = [];
  for (const c of candidates) {
    const last = chain[chain.length - 1];
    if (!inside(c)) continue;
    if (!last) chain.push(c);
    else if (c.start <= last.start && c.end >= last.end && (c.start < last.start || c.end > last.end)) chain.push(c);
  }
  return chain;
}
