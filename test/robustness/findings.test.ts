import * as assert from 'node:assert/strict';
import { model } from '../helpers.js';
import { exercise } from './exercise.js';
import { renumberAll } from '../../server/src/fixes/renumber.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';

/*
 * Regression tests for what fuzzing and the property tests found (each failed before its fix;
 * docs/robustness.md lists them).
 */
describe('robustness: what fuzzing found', () => {
  it('a stray number in the first paragraph after a heading belongs to that section (its outline symbol nests inside it)', () => {
    const text = '# Part A\n\n1. First.\n\n# Part B\n\n- The number of children is reducing as a result of a 2. better application of thresholds.\n\n3. Third.\n';
    const m = model(text);
    const stray = m.paragraphs.find((p) => p.form === 'stray')!;
    assert.equal(stray.number, 2);
    assert.equal(m.sections[stray.section].title, 'Part B');
    exercise(text); // symbols: every child inside its parent
  });

  it('a number that is both a reference and a stray paragraph number is renumbered once (before: overlapping edits)', () => {
    const text = '# Section\n\n1. First.\n\n2. Second.\n\nThe Board agreed, see paragraph 1 - 4. the board conducts reviews.\n\n5. Fifth.\n';
    const m = model(text);
    assert.ok(m.paragraphs.some((p) => p.form === 'stray' && p.number === 4));
    const edits = applyEdits(text, renumberAll(m));
    assert.match(edits, /paragraph 1 - 3\. the board/);
    assert.match(edits, /\n4\. Fifth/);
    exercise(text, { offsets: [text.indexOf('3.')], fixAll: true });
  });
});
