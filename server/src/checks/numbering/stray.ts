import type { Check } from '../types.js';

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
    const f = typeof index === 'number' ? model.fragments[index] : undefined;
    if (!f?.stray) return [];
    const { start, end } = f.stray.span;
    // Remove the digits, the full stop and the spaces after them.
    let removeEnd = end + 1;
    while (removeEnd < f.span.end && (model.text[removeEnd] === ' ' || model.text[removeEnd] === '\t')) removeEnd++;
    const marker = `${f.stray.number}. `;
    const insert = f.kind === 'bullet' && f.bulletSpan
      ? { span: f.bulletSpan, newText: marker }
      : { span: { start: f.textStart, end: f.textStart }, newText: marker };
    return [{
      title: `Move ${f.stray.number} to the start of the paragraph`,
      edits: [insert, { span: { start, end: removeEnd }, newText: '' }],
      isPreferred: true,
      safe: true,
    }];
  },
};
