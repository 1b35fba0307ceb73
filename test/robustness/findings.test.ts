import * as assert from 'node:assert/strict';
import { model } from '../helpers.js';
import { exercise } from './exercise.js';

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
});
