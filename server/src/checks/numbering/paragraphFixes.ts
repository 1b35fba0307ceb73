import type { ReportModel } from '../../model/types.js';
import type { Fix, ReportDiagnostic } from '../types.js';
import { renumberAll, renumberFrom, renumberOne } from '../../fixes/renumber.js';

/** The three renumbering fixes offered on any numbering diagnostic about a paragraph. */
export function renumberingFixes(model: ReportModel, diagnostic: ReportDiagnostic): Fix[] {
  const index = diagnostic.data?.paragraph;
  if (typeof index !== 'number' || !model.paragraphs[index]) return [];
  const p = model.paragraphs[index];
  const fixes: Fix[] = [];
  const one = renumberOne(model, index);
  // The paragraph's own digits (the edits may also hold references, and white space).
  const own = one.find((e) => e.span.start === p.numberSpan.start && /^\d+$/.test(e.newText));
  if (own) fixes.push({ title: `Renumber this paragraph (${p.number} → ${Number(own.newText)})`, edits: one, isPreferred: true });
  const from = renumberFrom(model, index);
  if (from.length) fixes.push({ title: 'Renumber from here to the end', edits: from });
  const all = renumberAll(model);
  if (all.length) fixes.push({ title: 'Renumber the whole report', edits: all, safe: true });
  return fixes;
}
