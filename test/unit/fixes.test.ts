import * as assert from 'node:assert/strict';
import { check, model } from '../helpers.js';
import { checkForCode } from '../../server/src/checks/registry.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import { renumberAll } from '../../server/src/fixes/renumber.js';
import { structure } from '../robustness/structure.js';
import type { Fix } from '../../server/src/checks/types.js';

function fixesFor(text: string, code: string): Fix[] {
  const m = model(text);
  const d = check(text).find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic`);
  return checkForCode(code)!.fixes!(m, d, { settings: {} });
}

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  return applyEdits(text, fix.edits);
}

describe('renumbering fixes', () => {
  const text = '1. a (see paragraph 4)\n2. b\n4. c\n5. d, unlike paragraphs 4 to 5\n';
  it('renumbers one paragraph and the references to it', () => {
    const [one] = fixesFor(text, 'numbering/gap');
    assert.equal(apply(text, one), '1. a (see paragraph 3)\n2. b\n3. c\n5. d, unlike paragraphs 3 to 5\n');
  });
  it('renumbers from here to the end, with references', () => {
    const from = fixesFor(text, 'numbering/gap').find((f) => f.title.startsWith('Renumber from here'));
    assert.equal(apply(text, from), '1. a (see paragraph 3)\n2. b\n3. c\n4. d, unlike paragraphs 3 to 4\n');
  });
  it('changes only the digits: CRLF, tabs, BOM-less text and trailing spaces are kept', () => {
    const crlf = '1.\ta  \r\n\r\n3. b\t\r\n- 4. c \r\n';
    const all = fixesFor(crlf, 'numbering/gap').find((f) => f.title === 'Renumber the whole report');
    assert.equal(apply(crlf, all), '1.\ta  \r\n\r\n2. b\t\r\n- 3. c \r\n');
  });
});

describe('renumbering when a number gains or loses a digit', () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Paragraph ${i + 1}.`).join('\n\n') + '\n\n';
  /** Renumber the whole report: the structure and the non-numbering diagnostics must not change. */
  function renumberKeepsStructure(text: string): string {
    const after = applyEdits(text, renumberAll(model(text)));
    assert.equal(structure(after), structure(text), `structure changed:\n${after}`);
    const others = (t: string) => check(t).filter((d) => !/^numbering\/(gap|duplicate|order)$/.test(d.code)).map((d) => d.code);
    assert.deepEqual(others(after), others(text));
    assert.deepEqual(check(after).filter((d) => /^numbering\/(gap|duplicate|order)$/.test(d.code)), []);
    return after;
  }
  it('10 → 9: a bullet indented three spaces under it stays a bullet of its own (before: it became a nested list)', () => {
    const text = paragraphs(8) + '10. Ten\n   - a bullet\n\n11. Eleven.\n';
    renumberKeepsStructure(text);
  });
  it('9 → 10: a paragraph indented three spaces under it stays in it (before: it became a fragment)', () => {
    const text = paragraphs(8) + '8. Dup.\n\n9. Nine.\n\n   More of nine.\n\n10. Ten.\n';
    renumberKeepsStructure(text);
  });
  it('`- 1.` → `- 10.`: a line after the numbered item, in the bullet only, is not indented with it (found by a random seed)', () => {
    // `    ---` ends the numbered item (`- 1. ` puts its text at column 5); `\t ===` after it is
    // a paragraph of the bullet. Indented one more column with the item, it became code.
    const text = paragraphs(9) + '- 1. Text of the paragraph.\n    ---\n\t ===\n';
    const after = renumberKeepsStructure(text);
    assert.equal(after, paragraphs(9) + '- 10. Text of the paragraph.\n    ---\n\t ===\n');
  });
  it('a stray 9 that is the marker of a list nested in a bullet → 10: a line after that list item is not indented with it', () => {
    // `  ---` ends the nested item (its text is at column 5); `\t ===` is the bullet's.
    const text = paragraphs(8) + '8. Dup.\n\n- text\n\n  9. more\n  ---\n\t ===\n\n10. Ten.\n';
    assert.equal(model(text).paragraphs.find((p) => p.number === 9 && p.form === 'stray')?.numberedEnd, text.indexOf('more') + 4);
    const after = renumberKeepsStructure(text);
    assert.ok(after.endsWith('  10. more\n  ---\n\t ===\n\n11. Ten.\n'), after);
  });
});

describe('a numbered paragraph right after a line of prose (CommonMark: only a list starting at 1 may interrupt it)', () => {
  const settles = (text: string) => {
    const once = fixAll(text, (t) => model(t));
    assert.equal(applyEdits(text, once.edits), once.text);
    assert.equal(fixAll(once.text, (t) => model(t)).text, once.text, 'fix-all does not settle');
    return once.text;
  };
  it('fix-all unbullets `- 2.` after a line of prose with a blank line before it (before: it became part of the prose)', () => {
    const text = '1. First.\n\nProse that leads in.\n- 2. Second.\n';
    const fixed = settles(text);
    assert.equal(fixed, '1. First.\n\nProse that leads in.\n\n2. Second.\n');
    assert.deepEqual(model(fixed).paragraphs.map((p) => [p.number, p.form]), [[1, 'ordered'], [2, 'ordered']]);
  });
  it('fix-all: `- 1.` after prose, unbulleted and then renumbered 2, gets the blank line (before: fix-all lost paragraph 2)', () => {
    const text = '1. First.\n\nProse that leads in.\n- 1. Second.\n';
    assert.equal(settles(text), '1. First.\n\nProse that leads in.\n\n2. Second.\n');
  });
  it('the unbullet quick fix inserts the blank line too, and only where it is needed', () => {
    const text = 'Prose.\n- 2. b\n- 3. c\n';
    const [one, every] = fixesFor(text, 'numbering/legacy-bullet');
    assert.equal(apply(text, one), 'Prose.\n\n2. b\n- 3. c\n');
    assert.equal(apply(text, every), 'Prose.\n\n2. b\n3. c\n');
  });
  it('renumbering a list that starts at 1 after prose: a blank line before it; the next item of the list needs none', () => {
    const text = '1. a\n\nProse.\n1. b\n1. c\n';
    const all = fixesFor(text, 'numbering/duplicate').find((f) => f.title === 'Renumber the whole report');
    const fixed = apply(text, all);
    assert.equal(fixed, '1. a\n\nProse.\n\n2. b\n3. c\n');
    assert.equal(structure(fixed), structure(text));
  });
  it('moving a stray number to the start of a bullet right after prose: a blank line before it', () => {
    const text = '61. a\n\nProse.\n- The number is reducing as a result of a 62. better application.\n\n63. c\n';
    const fixed = apply(text, fixesFor(text, 'numbering/stray')[0]);
    assert.equal(fixed, '61. a\n\nProse.\n\n62. The number is reducing as a result of a better application.\n\n63. c\n');
    assert.deepEqual(model(fixed).paragraphs.map((p) => p.number), [61, 62, 63]);
  });
  it('after top-level indented code (micromark reads `2. b` there as text, blank line or not) the fix is not made', () => {
    const code = '1. a\n\n# Part\n\n    indented code\n\n';
    const renumber = code + '1. b\n';
    assert.deepEqual(applyEdits(renumber, renumberAll(model(renumber))), renumber, 'paragraph 1 keeps its number');
    const legacy = code + '- 2. b\n';
    assert.deepEqual(fixesFor(legacy, 'numbering/legacy-bullet'), []);
    assert.equal(fixAll(legacy, (t) => model(t)).text, legacy);
  });
  it('beside a paragraph that keeps its number, no number in the text becomes a stray paragraph number (found by a random seed)', () => {
    // Paragraph "1" after the code keeps its number; renumbering the last one to 3 would make
    // the "2." in the text between them a stray (1 < 2 < 3), and a second renumber would move it.
    const text = '997. Text.\n# Heading\n\t\tcode\n\n1. Text.\n\nMore text of it.\n2. Text of the paragraph.\n\n1. Text.\n';
    assert.deepEqual(model(text).paragraphs.map((p) => p.form), ['ordered', 'ordered', 'ordered']);
    const once = applyEdits(text, renumberAll(model(text)));
    assert.equal(once, text.replace('997.', '1.'), 'the last paragraph keeps its number too');
    assert.deepEqual(model(once).paragraphs.map((p) => p.form), ['ordered', 'ordered', 'ordered']);
    assert.deepEqual(renumberAll(model(once)), []);
    // Where nothing can turn into a stray, the paragraph after the kept one is renumbered.
    const plain = text.replace('2. Text of the paragraph.', 'Text of the paragraph.');
    assert.equal(applyEdits(plain, renumberAll(model(plain))), plain.replace('997.', '1.').replace(/1\. Text\.\n$/, '3. Text.\n'));
  });
});

describe('structural fixes', () => {
  it('unbullets a legacy paragraph', () => {
    const text = '- 1. a\n- 2. b\n';
    const [one] = fixesFor(text, 'numbering/legacy-bullet');
    const fixed = apply(text, one);
    assert.equal(fixed, '1. a\n- 2. b\n');
    assert.deepEqual(model(fixed).paragraphs.map((p) => [p.number, p.form]), [[1, 'ordered'], [2, 'legacy-bullet']]);
  });
  it('moves a stray number to the start', () => {
    const text = '61. a\n\n- The number is reducing as a result of a 62. better application.\n\n63. c\n';
    const fixed = apply(text, fixesFor(text, 'numbering/stray')[0]);
    assert.equal(fixed, '61. a\n\n62. The number is reducing as a result of a better application.\n\n63. c\n');
    assert.deepEqual(check(fixed).map((d) => d.code), ['numbering/gap'], 'only the gap before 61 is left');
  });
  it('joins a page-break fragment to the paragraph it continues', () => {
    const text = '1. Most assessments consider\n\n\n\nhistorical information.\n\n2. b\n';
    const [join] = fixesFor(text, 'numbering/unnumbered');
    assert.match(join.title, /^Join/);
    assert.equal(apply(text, join), '1. Most assessments consider historical information.\n\n2. b\n');
  });
  it('numbers a fragment that lost its number, shifting the paragraphs after it', () => {
    const text = '1. a\n\nThe lost one (see paragraph 2).\n\n2. b\n';
    const number = fixesFor(text, 'numbering/unnumbered').find((f) => f.title.startsWith('Number it'));
    const fixed = apply(text, number);
    assert.equal(fixed, '1. a\n\n2. The lost one (see paragraph 3).\n\n3. b\n');
    assert.deepEqual(check(fixed), []);
  });
});

describe('fix all', () => {
  it('applies every safe fix with minimal edits and is idempotent', () => {
    const text = '- 1. a\n- 3. b see paragraph 3\n\n- The x of a 4. better y\n\n5. c\n';
    const result = fixAll(text, (t) => model(t));
    assert.equal(result.text, '1. a\n2. b see paragraph 2\n\n3. The x of a better y\n\n4. c\n');
    assert.equal(applyEdits(text, result.edits), result.text);
    assert.equal(fixAll(result.text, (t) => model(t)).text, result.text);
  });
});
