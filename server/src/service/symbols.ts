import type { ReportModel, Span } from '../model/types.js';

export interface ReportSymbol {
  name: string;
  detail?: string;
  kind: 'section' | 'judgement' | 'paragraph';
  span: Span;
  selectionSpan: Span;
  children: ReportSymbol[];
}

const FIRST_WORDS = 8;

function firstWords(text: string): string {
  const words = text.replace(/^\s*\d+[.)]\s*/, '').split(/\s+/).filter(Boolean);
  return words.slice(0, FIRST_WORDS).join(' ') + (words.length > FIRST_WORDS ? '…' : '');
}

/** Outline: sections nested by heading level, numbered paragraphs as children of their section. */
export function documentSymbols(model: ReportModel, detailFor?: (section: number) => string | undefined): ReportSymbol[] {
  const paragraphSymbol = (i: number): ReportSymbol => {
    const p = model.paragraphs[i];
    return {
      name: `${p.number}. ${firstWords(p.text)}`,
      kind: 'paragraph',
      span: p.span,
      selectionSpan: p.numberSpan,
      children: [],
    };
  };
  const sectionSymbol = (s: number): ReportSymbol => {
    const section = model.sections[s];
    const children = [
      ...section.paragraphs.map((i) => ({ at: model.paragraphs[i].span.start, symbol: paragraphSymbol(i) })),
      ...section.children.map((c) => ({ at: model.sections[c].span.start, symbol: sectionSymbol(c) })),
    ].sort((a, b) => a.at - b.at);
    const title = section.title.replace(/<!--[\s\S]*?-->/g, '').replace(/[*_]+/g, '').trim() || '(untitled)';
    return {
      name: title,
      detail: detailFor?.(s),
      kind: section.role === 'judgement' ? 'judgement' : 'section',
      span: section.span,
      selectionSpan: section.headingSpan,
      children: children.map((c) => c.symbol),
    };
  };
  const top = [
    ...model.paragraphs.flatMap((p, i) => (p.section < 0 ? [{ at: p.span.start, symbol: paragraphSymbol(i) }] : [])),
    ...model.sections.flatMap((s, i) => (s.parent < 0 ? [{ at: s.span.start, symbol: sectionSymbol(i) }] : [])),
  ].sort((a, b) => a.at - b.at);
  return top.map((t) => t.symbol);
}
