import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { check, model, readFixture, ROOT } from '../helpers.js';
import { continueNumbering } from '../../server/src/service/editor/onEnter.js';
import { foldingSpans, selectionSpans } from '../../server/src/service/editor/structure.js';
import { workspaceSymbols } from '../../server/src/service/editor/navigation.js';
import { formatActionPlan, recommendations } from '../../server/src/service/editor/actionPlan.js';
import { documentInfo } from '../../server/src/service/editor/info.js';
import { registry } from '../helpers.js';
import type { TextEdit } from '../../server/src/checks/types.js';

const apply = (text: string, edits: TextEdit[]) =>
  [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);

/** Type Enter at `|` (the text already holds the line break) and apply the on-type edits. */
function enter(withCursor: string): string {
  const offset = withCursor.indexOf('‸');
  const text = withCursor.replace('‸', '');
  return apply(text, continueNumbering(model(text), offset));
}

describe('editor: Enter continues numbering', () => {
  it('starts the next paragraph with the next number', () => {
    assert.equal(enter('# A\n\n1. First.\n2. Second.\n‸'), '# A\n\n1. First.\n2. Second.\n3. ');
  });
  it('uses the number of the paragraph above, in the middle of a report', () => {
    assert.equal(enter('1. a\n2. b\n‸\n3. c\n'), '1. a\n2. b\n3. \n3. c\n');
  });
  it('replaces auto-indentation and keeps the delimiter', () => {
    assert.equal(enter('1) a\n  ‸'), '1) a\n2) ');
  });
  it('a legacy bullet continues as a proper numbered paragraph', () => {
    assert.equal(enter('- 26. a\n‸'), '- 26. a\n27. ');
  });
  it('Enter on an empty numbered line ends the numbering', () => {
    assert.equal(enter('1. a\n2. \n‸'), '1. a\n\n');
  });
  it('does nothing when the line was split, after prose, or in a table', () => {
    assert.equal(enter('1. a\n‸rest'), '1. a\nrest');
    assert.equal(enter('Some prose.\n‸'), 'Some prose.\n');
    assert.equal(enter('| 1. x | y |\n| --- | --- |\n| 2. a | b |\n‸'), '| 1. x | y |\n| --- | --- |\n| 2. a | b |\n');
  });
  it('inserting a paragraph in the middle is then a duplicate that "Renumber from here to the end" fixes', () => {
    const text = enter('1. a\n2. b\n‸\n3. c\n').replace('3. \n', '3. new\n');
    const codes = check(text).map((d) => d.code);
    assert.deepEqual(codes, ['numbering/duplicate']);
  });
});

describe('editor: folding and selection', () => {
  const text = '---\nframework: ofsted-ilacs-2018\n---\n\n# Report\n\n## Findings\n\n1. First line\n   continues here.\n2. Second (see paragraph 1).\n\n## Other\n\nText.\n';
  const m = model(text);
  const lines = (s: { start: number; end: number }) => [m.lines.lineAt(s.start), m.lines.lineAt(s.end)];
  it('folds front matter, sections and multi-line paragraphs', () => {
    const folds = foldingSpans(m).map((f) => lines(f.span)).filter(([a, b]) => b > a);
    assert.deepEqual(folds.find(([a]) => a === 0), [0, 2]);
    assert.ok(folds.some(([a, b]) => a === 4 && b === 14), 'the title section to the last text');
    assert.ok(folds.some(([a, b]) => a === 6 && b === 10), 'Findings, blank lines trimmed');
    assert.ok(folds.some(([a, b]) => a === 8 && b === 9), 'a two-line paragraph');
  });
  it('selects number → paragraph text → paragraph → section → outer section → document', () => {
    const at = text.indexOf('First') + 2;
    const chain = selectionSpans(m, at).map((s) => text.slice(s.start, s.end));
    assert.equal(chain[0], 'First line\n   continues here.');
    assert.ok(chain.includes('1. First line\n   continues here.'));
    assert.ok(chain.some((c) => c.startsWith('## Findings') && c.endsWith('paragraph 1).')));
    assert.equal(chain[chain.length - 1], text);
    for (let i = 1; i < chain.length; i++) assert.ok(chain[i].length > chain[i - 1].length);
  });
  it('selects a cross-reference number, then the reference', () => {
    const at = text.indexOf('paragraph 1)') + 'paragraph '.length;
    const chain = selectionSpans(m, at).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(chain.slice(0, 2), ['1', 'paragraph 1']);
  });
});

describe('editor: workspace symbols and document info', () => {
  const draft = model(readFixture('synthetic/draft-with-errors.report.md'));
  const other = model('# Other\n\n## Summary\n\n27. Another twenty-seventh paragraph.\n');
  it('#27 finds paragraph 27 in every open report', () => {
    const hits = workspaceSymbols([draft, other], '#27');
    assert.equal(hits.length, 2);
    assert.ok(hits.every((h) => h.kind === 'paragraph' && h.name.startsWith('27. ')));
    assert.match(hits[0].containerName, /^test\.report\.md › /);
  });
  it('an area name finds the judgement section', () => {
    const hits = workspaceSymbols([draft], 'help and protection');
    assert.ok(hits.some((h) => h.kind === 'judgement' && /help and protection/.test(h.name)), JSON.stringify(hits.map((h) => h.name)));
    assert.ok(workspaceSymbols([draft], '').every((h) => h.kind === 'judgement'));
  });
  it('document info: framework, counts, judgement sections, known frameworks', () => {
    const info = documentInfo(draft, registry);
    assert.equal(info.framework.id, 'ofsted-sif-2013');
    assert.equal(info.framework.source, 'front-matter');
    assert.ok(info.paragraphs >= 30);
    assert.ok(info.judgementSections.length >= 2);
    assert.deepEqual(info.frameworks.map((f) => f.id).sort(), ['ofsted-ilacs-2018', 'ofsted-sif-2013', 'ofsted-slac-2009']);
  });
});

describe('editor: action plan from areas for improvement', () => {
  const draft = model(readFixture('synthetic/draft-with-errors.report.md'));
  it('lists every recommendation with its number and verbatim text', () => {
    const items = recommendations(draft);
    assert.deepEqual(items.map((i) => i.number), [9, 10, 11, 12, 13, 14]);
    assert.equal(items[0].text, 'Accelerate plans to provide a comprehensive and well co-ordinated multi-agency early help offer, so that children and families receive help as soon as needs emerge.');
    assert.ok(items.every((i) => i.kind === 'improvements'));
    // Traceability fills the area and the supporting findings.
    assert.ok(items.some((i) => i.area && i.findings.length > 0), JSON.stringify(items.map((i) => [i.number, i.area, i.findings.map((f) => f.number)])));
  });
  it('formats Markdown and RFC 4180 CSV', () => {
    const items = [{ number: 3, kind: 'improvements' as const, areaName: 'Leadership', heading: 'Areas for improvement', text: 'Ensure "this", and | that', span: { start: 0, end: 1 }, findings: [{ number: 31, span: { start: 0, end: 1 } }, { number: 29, span: { start: 0, end: 1 } }] }];
    assert.equal(formatActionPlan(items, 'csv'), 'Paragraph,Area,Heading,Recommendation,Findings,Action,Owner,By when\r\n3,Leadership,Areas for improvement,"Ensure ""this"", and | that","31, 29",,,\r\n');
    const md = formatActionPlan(items, 'markdown').split('\n');
    assert.equal(md[2], '| 3 | Leadership | Areas for improvement | Ensure "this", and \\| that | 31, 29 | | | |');
  });
  it('SLAC: recommendations carry their part and timescale', () => {
    const barnet = model(readFixture('corpus/barnet-2012.report.md'));
    const items = recommendations(barnet);
    assert.ok(items.length > 0);
    const threeMonths = items.filter((i) => /three months/i.test(i.heading));
    assert.ok(threeMonths.length >= 7, JSON.stringify(items.map((i) => [i.number, i.item, i.areaName, i.heading])));
    assert.deepEqual([threeMonths[0].number, threeMonths[0].item], [20, 1]);
    // The area: of the findings it rests on (traceability), else the part it sits in.
    const names = new Set([...barnet.framework.profile.judgements.map((a) => a.name), ...(barnet.framework.profile.parts ?? []).map((p) => p.name)]);
    for (const i of items) assert.ok(names.has(i.areaName.replace(/ \(.*\)$/, '')), i.areaName);
    assert.match(threeMonths[0].text, /^the Domestic Violence Strategic Board to review/);
    assert.match(formatActionPlan(items, 'markdown'), /\n\| 20\.1 \| [^|]+ \| Within three months \| the Domestic Violence/);
  });
});

describe('snippets', () => {
  const file = path.join(ROOT, 'snippets', 'inspection-report.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
  /** Expand a snippet body the way an editor does when every placeholder keeps its default (first choice). */
  const expand = (body: string[]) =>
    body
      .join('\n')
      .replace(/\$\{\d+\|([^|]*?)(?:,[^|]*)?\|\}/g, (_, first: string) => first.replace(/\\(.)/g, '$1'))
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '')
      .replace(/\\([$}\\])/g, '$1');
  it('are generated from the profiles (node snippets/generate.mjs is up to date)', () => {
    const fresh = execFileSync(process.execPath, [path.join(ROOT, 'snippets', 'generate.mjs'), '--print'], { encoding: 'utf8' });
    assert.equal(fs.readFileSync(file, 'utf8'), fresh);
  });
  for (const [name, framework] of [
    ['Report skeleton: ILACS (2018)', 'ofsted-ilacs-2018'],
    ['Report skeleton: ILACS (from 2023, care leavers graded separately)', 'ofsted-ilacs-2018'],
    ['Report skeleton: SIF (2013) with LSCB review', 'ofsted-sif-2013'],
    ['Report skeleton: SLAC (2009)', 'ofsted-slac-2009'],
  ] as const) {
    it(`${name}: names its framework, has no numbering problems, and has a judgement section per graded area`, () => {
      const text = expand(snippets[name].body);
      const m = model(text);
      assert.equal(m.framework.profile.id, framework);
      assert.equal(m.framework.source, 'front-matter');
      const numbering = check(text).filter((d) => d.code.startsWith('numbering/') || d.code.startsWith('reference/'));
      assert.deepEqual(numbering.map((d) => `${d.code}: ${d.message}`), []);
      const areas = new Set(m.sections.filter((s) => s.role === 'judgement').map((s) => s.area));
      const required = m.framework.profile.judgements.filter((a) => a.requiredInBody && (name.includes('2023') || !['children-in-care', 'care-leavers'].includes(a.id)));
      for (const a of required) assert.ok(areas.has(a.id), `${a.id} has a judgement section (${[...areas].join(', ')})`);
      assert.ok(m.sections.some((s) => s.role === 'improvements'), 'an areas for improvement section');
    });
  }
});
