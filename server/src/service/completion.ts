import type { ReportModel } from '../model/types.js';

export interface CompletionEntry {
  label: string;
  kind: 'grade' | 'area';
  detail?: string;
  /** Text to insert (defaults to label). */
  insertText?: string;
}

/**
 * Grade phrases and area names from the profile, where they are written: in headings and
 * table rows. Elsewhere nothing is offered (prose completion would get in an author's way).
 */
export function completions(model: ReportModel, offset: number): CompletionEntry[] {
  const line = model.lines.lineAt(offset);
  const lineText = model.lines.lineText(line);
  const beforeCursor = lineText.slice(0, offset - model.lines.lineStarts[line]);
  const inHeading = /^\s{0,3}#{1,6}\s/.test(lineText);
  const inTable = /^\s*\|/.test(lineText);
  if (!inHeading && !inTable) return [];
  const profile = model.framework.profile;
  const out: CompletionEntry[] = [];
  const wantsArea = inTable ? (beforeCursor.match(/\|/g) ?? []).length <= 1 : true;
  if (wantsArea) {
    for (const a of profile.judgements) out.push({ label: a.name, kind: 'area', detail: a.id });
  }
  for (const g of profile.grades) {
    out.push({ label: g.label, kind: 'grade', detail: g.description?.slice(0, 120) });
    for (const form of [g.pluralForm, g.headingForm]) {
      if (form && form !== g.label) out.push({ label: form, kind: 'grade', detail: g.label });
    }
  }
  return out;
}
