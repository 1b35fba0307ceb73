import type { ReportModel, Span } from '../model/types.js';
import { stripHtmlComments } from '../text/normalise.js';

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
export function documentSymbols(model: ReportModel, detailFor: (section: number) => string | undefined = (s) => judgementDetail(model, s)): ReportSymbol[] {
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
    const title = stripHtmlComments(section.title).replace(/[*_]+/g, '').trim() || '(untitled)';
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

/** "Requires improvement": the grade a judgement section's heading or first sentence states. */
export function judgementDetail(model: ReportModel, section: number): string | undefined {
  const s = model.sections[section];
  if (s.role !== 'judgement' || !s.area) return undefined;
  const statement = model.judgements.find((j) => j.section === section && j.area === s.area && j.kind !== 'table')
    ?? model.judgements.find((j) => j.area === s.area && j.summary);
  const grade = statement && model.framework.profile.grades.find((g) => g.id === statement.grade);
  const area = model.framework.profile.judgements.find((a) => a.id === s.area);
  return grade ? `${area?.name ?? s.area} \u2014 ${grade.label}` : area?.name;
}
