import type { Check } from '../types.js';
import type { ReportModel } from '../../model/types.js';
import { settleFixes, type LineFix } from '../../fixes/listStart.js';
import { lineStartOf } from '../../fixes/lines.js';

/**
 * numbering/stray: a paragraph number sitting inside the text ("as a result of a 62. better
 * application"), as PDF conversion leaves it. The fix moves it to the start.
 */
export const strayCheck: Check = {
  id: 'numbering-stray',
  codes: { 'numbering/stray': 'warning' },
  run(model) {
    return model.fragments.flatMap((f, i) =>
      f.stray
        ? [{
            code: 'numbering/stray',
            span: f.stray.span,
            message: `Paragraph number ${f.stray.number} is inside the text; move it to the start of the paragraph.`,
            data: { fragment: i },
          }]
        : [],
    );
  },
  fixes(model, diagnostic) {
    const index = diagnostic.data?.fragment;
    const fix = typeof index === 'number' ? strayFix(model, index) : undefined;
    if (!fix) return [];
    const settled = settleFixes(model, [fix]);
    if (settled.left.length) return [];
    return [{ title: `Move ${model.fragments[index as number].stray!.number} to the start of the paragraph`, edits: settled.edits, isPreferred: true, safe: true }];
  },
};

/**
 * Moving fragment `index`'s stray number to its start, unchecked: the line must then read as
 * a numbered paragraph (settleFixes, fixes/listStart.ts).
 */
export function strayFix(model: ReportModel, index: number): LineFix | undefined {
  const f = model.fragments[index];
  if (!f?.stray) return undefined;
  const { start, end } = f.stray.span;
  // Remove the digits, the full stop and the spaces after them.
  let removeEnd = end + 1;
  while (removeEnd < f.span.end && (model.text[removeEnd] === ' ' || model.text[removeEnd] === '\t')) removeEnd++;
  const marker = `${f.stray.number}. `;
  const insert = f.kind === 'bullet' && f.bulletSpan
    ? { span: f.bulletSpan, newText: marker }
    : { span: { start: f.textStart, end: f.textStart }, newText: marker };
  return {
    edits: [insert, { span: { start, end: removeEnd }, newText: '' }],
    line: { lineStart: lineStartOf(model.text, f.span.start), digits: String(f.stray.number) },
  };
}
