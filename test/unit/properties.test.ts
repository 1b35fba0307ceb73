import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, model, readFixture } from '../helpers.js';
import { renumberAll } from '../../server/src/fixes/renumber.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import { assertProperty } from '../robustness/seed.js';
import { legacyReadAsText, listAfterIndentedCode, renumberingEditProblem, structure } from '../robustness/structure.js';

/*
 * Properties of renumbering, over random reports and real ones: afterwards no numbering
 * diagnostics; doing it again changes nothing; the document's block structure is the same;
 * and only digits changed, except the white space that keeps a paragraph's lines under it
 * when its number gains or loses a digit, or a blank line before a list that starts at 1 after
 * prose (docs/robustness.md). Each run draws a new seed (seed.ts: a failure says how to replay).
 */
const NUMBERING = new Set(['numbering/gap', 'numbering/duplicate', 'numbering/order']);
const withoutDigits = (s: string) => s.replace(/\d+/g, '#');

const block = fc.oneof(
  fc.record({ kind: fc.constant('p'), n: fc.integer({ min: 0, max: 60 }), ref: fc.option(fc.integer({ min: 1, max: 60 })) }),
  fc.record({ kind: fc.constant('legacy'), n: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('heading'), level: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('prose') }),
  fc.record({ kind: fc.constant('table') }),
);
const eol = fc.constantFrom('\n', '\r\n');

function render(blocks: { kind: string; n?: number; ref?: number | null; level?: number }[], nl: string): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p': return `${b.n}. Text${b.ref ? ` (see paragraph ${b.ref})` : ''}.`;
        case 'legacy': return `- ${b.n}. Bulleted text.`;
        case 'heading': return `${'#'.repeat(b.level!)} Heading`;
        case 'prose': return 'Prose between.';
        default: return `| a | b |${nl}|---|---|${nl}| 1 | 2 |`;
      }
    })
    .join(nl + nl) + nl;
}

function renumbered(text: string): string {
  const edits = renumberAll(model(text));
  assert.equal(renumberingEditProblem(text, edits), undefined);
  const once = applyEdits(text, edits);
  if (!legacyReadAsText(text)) assert.equal(structure(once), structure(text), 'renumbering changed the structure');
  return once;
}

/*
 * Paragraphs whose numbers cross 9/10, 99/100 and 999/1000 either way, with every kind of
 * space after the marker, and lines under them at every indentation holding text, lists,
 * quotes, fences, headings, tables, setext underlines or HTML, with or without a blank line.
 */
const LINE_CONTENT = ['More text of it.', 'more (see paragraph 3)', '- a bullet', '* a star', '> quoted', '# Heading', '```', '~~~',
  '1. one', '12. twelve', '2) two', '---', '===', '| a | b |', '|---|---|', '<div>', '<!-- c -->', '*emphasis* then', '(bracketed)',
  '"quoted"', '2014 was', '[x]: /u', '\t\ttabbed'];
const INDENTS = ['', ' ', '  ', '   ', '    ', '     ', '      ', '       ', '        ', '\t', ' \t', '\t ', '\t\t', '  \t'];
const widthNumber = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 95, max: 102 }), fc.integer({ min: 997, max: 1001 }));
const underLine = fc.tuple(fc.boolean(), fc.constantFrom(...INDENTS), fc.constantFrom(...LINE_CONTENT)).map(([blank, indent, c]) => `${blank ? '\n' : ''}${indent}${c}`);
const widthItem = fc
  .tuple(fc.constantFrom('', '', '', ' ', '- '), widthNumber, fc.constantFrom('.', '.', ')'), fc.constantFrom(' ', ' ', '  ', '   ', '    ', '     ', '\t', ' \t', '\t  '),
    fc.constantFrom('Text of the paragraph.', 'Text', '', '- nested', '> quote', '```', '"Quoted"'), fc.array(underLine, { maxLength: 4 }))
  .map(([lead, n, delimiter, space, first, under]) => [`${lead}${n}${delimiter}${first ? space + first : ''}`, ...under].join('\n'));
const widthBlock = fc.oneof(
  { weight: 6, arbitrary: widthItem },
  { weight: 1, arbitrary: fc.constantFrom('# Heading', 'Prose between.', '- a bullet', '| a |\n|---|\n| 1 |') },
);
const widthDocument = fc
  .tuple(fc.array(widthBlock, { maxLength: 12 }), fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 12, maxLength: 12 }), eol, fc.boolean())
  .map(([blocks, gaps, nl, bom]) => (bom ? '\uFEFF' : '') + blocks.map((b, i) => b + gaps[i]).join('').replace(/\n/g, nl));

/*
 * A stray number that is the marker of a list nested in a bullet between two numbered
 * paragraphs, renumbered across 9/10 or 99/100 either way (a duplicate before it pushes it up
 * a digit; a skipped number after a gap pulls it down), with lines under it as above.
 */
const strayDocument = fc
  .tuple(fc.constantFrom(9, 10, 99, 100), fc.constantFrom(' ', '  ', '   ', '\t'), fc.constantFrom('', '\n'), fc.array(underLine, { maxLength: 4 }), eol)
  .map(([n, space, gap, under, nl]) => {
    const up = n === 9 || n === 99;
    const before = Array.from({ length: n - 1 }, (_, i) => `${i + 1}. Paragraph ${i + 1}.`);
    if (up) before.push(`${n - 1}. A duplicate.`);
    else before.pop(); // n - 1 missing: the stray n comes down to it
    const stray = [`- a bullet${gap ? '' : ':'}`, ...(gap ? [''] : []), `  ${n}.${space}more of it`, ...under].join('\n');
    return [...before, stray, `${n + 2}. After.`].join('\n\n').replace(/\n/g, nl) + nl;
  });

describe('renumbering properties', () => {
  it('random reports: renumbered text has no numbering diagnostics, is stable, and differs only in digits', () => {
    assertProperty(
      fc.property(fc.array(block, { maxLength: 40 }), eol, (blocks, nl) => {
        const text = render(blocks, nl);
        const once = renumbered(text);
        assert.deepEqual(check(once).filter((d) => NUMBERING.has(d.code)), []);
        assert.equal(renumbered(once), once);
        assert.equal(withoutDigits(once), withoutDigits(text), 'one-line paragraphs: only digits change');
      }),
      { numRuns: 150 },
    );
  });
  it('numbers gaining or losing a digit: the structure is kept, only the white space that keeps it changes, and it is stable', function () {
    this.timeout(120_000);
    assertProperty(
      fc.property(widthDocument, (text) => {
        const once = renumbered(text);
        // After top-level indented code a paragraph numbered 1 keeps its number (micromark).
        if (!listAfterIndentedCode(text)) assert.deepEqual(check(once).filter((d) => NUMBERING.has(d.code)).map((d) => d.message), []);
        assert.deepEqual(renumberAll(model(once)), [], 'renumbering twice changes something');
      }),
      { numRuns: 500 },
    );
  });
  it('a stray number marking a list nested in a bullet, gaining or losing a digit: the structure is kept, and it is stable', function () {
    this.timeout(120_000);
    let strays = 0;
    assertProperty(
      fc.property(strayDocument, (text) => {
        if (model(text).paragraphs.some((p) => p.form === 'stray')) strays++;
        const once = renumbered(text);
        assert.deepEqual(renumberAll(model(once)), [], 'renumbering twice changes something');
      }),
      { numRuns: 300 },
    );
    assert.ok(strays > 150, `stray numbers read in ${strays} of 300 documents`);
  });
  for (const file of ['raw/haringey-2014.raw.report.md', 'raw/barnet-2012.raw.report.md', 'synthetic/draft-with-errors.report.md']) {
    it(`${file}: the same properties hold`, () => {
      const text = readFixture(file);
      const once = renumbered(text);
      assert.deepEqual(check(once).filter((d) => NUMBERING.has(d.code)).map((d) => d.message), []);
      assert.equal(renumbered(once), once);
    });
  }
});
