import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importText } from '../../server/src/import/index.js';
import { missingWords } from '../../server/src/import/words.js';
import { runCliAsync } from '../../server/src/cli/main.js';
import { model, readFixture, check } from '../helpers.js';

const PAIRS = [
  ['raw/haringey-2014.raw.report.md', 'corpus/haringey-2014.report.md'],
  ['raw/barnet-2012.raw.report.md', 'corpus/barnet-2012.report.md'],
] as const;

describe('import: raw PDF text against the hand-converted fixtures', () => {
  for (const [raw, converted] of PAIRS) {
    describe(raw, () => {
      const input = readFixture(raw);
      const result = importText(input);
      const imported = model(result.markdown);
      const expected = model(readFixture(converted));

      it('detects the framework and writes it into front matter', () => {
        assert.equal(result.framework, expected.framework.profile.id);
        assert.match(result.markdown, new RegExp(`^---\\nframework: ${result.framework}\\n---\\n`));
        assert.equal(imported.framework.source, 'front-matter');
      });
      it('gives the same paragraph numbers, 1..N', () => {
        assert.deepEqual(imported.paragraphs.map((p) => p.number), expected.paragraphs.map((p) => p.number));
        assert.deepEqual(imported.paragraphs.map((p) => p.number), expected.paragraphs.map((_, i) => i + 1));
      });
      it('finds every heading of the hand conversion', () => {
        const found = new Set(imported.sections.map((s) => s.key));
        const missing = expected.sections.map((s) => s.key).filter((k) => !found.has(k));
        assert.deepEqual(missing, []);
      });
      it('gives the same judgement statements (area, grade, kind, summary)', () => {
        const view = (m: typeof imported) => m.judgements.map((j) => `${j.area} ${j.grade} ${j.kind} ${j.summary}`);
        assert.deepEqual(view(imported), view(expected));
      });
      it('drops none of the report\'s words (only the furniture it lists)', () => {
        assert.deepEqual(missingWords(input, result.markdown, result.removed.map((r) => r.text)), []);
      });
      it('leaves no numbering errors', () => {
        const errors = check(result.markdown).filter((d) => d.code.startsWith('numbering/') && d.severity === 'error');
        assert.deepEqual(errors.map((d) => d.message), []);
      });
    });
  }
});

/** Text as pypdf extracts it: wrapped lines, running headers with page numbers, a flattened grade table. */
const PDF_TEXT = [
  ' ',
  'Inspection of Exampleshire local authority ',
  'children’s services ',
  'Inspection dates: 1 to 12 May 2023 ',
  'Lead inspector: A Person, His Majesty’s Inspector ',
  'Judgement Grade ',
  'The impact of leaders on social work ',
  'practice with children and families ',
  'Requires improvement to be good ',
  'The experiences and progress of ',
  'children who need help and protection ',
  'Good ',
  'The experiences and progress of ',
  'children in care ',
  'Good ',
  'The experiences and progress of care leavers Good ',
  'Overall effectiveness Requires improvement to be good ',
  ' ',
  'Exampleshire has made steady progress since the last inspection, and most children ',
  'receive a good service.',
  ' ',
  'Contents ',
  'What needs to improve? 2 ',
  'The experiences and progress of children who need help and ',
  'protection 3 ',
  ' ',
  'Inspection of Exampleshire local authority children’s services ',
  '1 to 12 May 2023 2 ',
  'What needs to improve? ',
  '◼ The quality of plans for children in need. ',
  '◼ Management oversight of ',
  'private fostering. ',
  'The experiences and progress of children who need help and ',
  'protection: good ',
  '1. Children and families receive help at the right time from a well-established early ',
  'help service. Thresholds are understood by partners and applied well by staff in ',
  'the multi-agency safeguarding hub. ',
  '2. Strategy meetings are timely and well attended. Decisions to progress to child ',
  'protection enquiries are proportionate, and children are seen quickly by social ',
  '\f ',
  'Inspection of Exampleshire local authority children’s services ',
  '1 to 12 May 2023 3 ',
  'workers who know them well. ',
  '3. Assessments are thorough and consider the histories of families. They are ',
  'updated when circumstances change, and the voice of the child is clear. ',
  '4. Plans are mostly clear, although some lack timescales and measurable outcomes, so ',
  'progress is not always easy to see. ',
  'The impact of leaders on social work practice with children and ',
  'families: requires improvement to be good ',
  '5. Leaders know their services well and have a clear plan for improvement. The ',
  'director of children’s services has strengthened the senior team. ',
  '\f ',
  'Inspection of Exampleshire local authority children’s services ',
  '1 to 12 May 2023 4 ',
  '6. Performance information is reliable and used well by managers at every level of ',
  'the service, including elected members. ',
].join('\n');

describe('import: PDF-extracted text', () => {
  const result = importText(PDF_TEXT);
  const m = model(result.markdown);

  it('detects the framework', () => assert.equal(result.framework, 'ofsted-ilacs-2018'));
  it('drops running headers and lists them, with the contents list', () => {
    const kinds = result.removed.map((r) => r.kind);
    assert.ok(kinds.filter((k) => k === 'running-header').length >= 4, JSON.stringify(result.removed));
    assert.ok(kinds.includes('contents'));
    assert.ok(!/1 to 12 May 2023 [234]/.test(result.markdown));
    assert.ok(!/^Contents$/m.test(result.markdown));
  });
  it('turns the flattened grade table into a GFM table whose judgements are all found', () => {
    assert.match(result.markdown, /\| Judgement \| Grade \|\n\| --- \| --- \|\n\| The impact of leaders on social work practice with children and families \| Requires improvement to be good \|/);
    const summary = m.judgements.filter((j) => j.summary && j.kind === 'table').map((j) => `${j.area}=${j.grade}`);
    assert.deepEqual(summary, [
      'leadership=requires-improvement', 'help-and-protection=good', 'children-in-care=good', 'care-leavers=good', 'overall=requires-improvement',
    ]);
  });
  it('joins wrapped lines and the fragment a page break split off', () => {
    assert.match(result.markdown, /^2\. Strategy meetings .* children are seen quickly by social workers who know them well\.$/m);
    assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(m.fragments.length, 0);
  });
  it('recognises wrapped judgement headings with their grades', () => {
    const headings = m.judgements.filter((j) => j.kind === 'heading').map((j) => `${j.area}=${j.grade}`);
    assert.deepEqual(headings, ['help-and-protection=good', 'leadership=requires-improvement']);
    assert.ok(m.sections.some((s) => s.role === 'improvements' && s.title === 'What needs to improve?'));
  });
  it('writes bullets as a Markdown list', () => {
    assert.match(result.markdown, /^- The quality of plans for children in need\.\n- Management oversight of private fostering\.$/m);
  });
  it('keeps every word', () => {
    assert.deepEqual(missingWords(PDF_TEXT, result.markdown, result.removed.map((r) => r.text)), []);
  });
  it('gives no error-level diagnostics', () => {
    assert.deepEqual(check(result.markdown).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), []);
  });
});

describe('import: pasted text repairs', () => {
  it('writes `- 26. text` as `26. text`', () => {
    const r = importText('## Areas for improvement\n\n- 26. Accelerate plans.\n- 27. Ensure that strategy discussions include all agencies.\n');
    assert.match(r.markdown, /^26\. Accelerate plans\.\n\n27\. Ensure/m);
  });
  it('restores a number displaced into the text, and numbers lost at page breaks', () => {
    const text = [
      '## Findings', '',
      '- 61. Help takes account of culture.',
      '- The number of children becoming looked after is reducing as a result of a 62. better application of thresholds.',
      '- 63. Plans are clear.',
      '- The authority places brothers and sisters together.', '', '', '',
      '- Homeless 16 and 17 year-olds get a timely response.',
      '- 65. Reviews happen on time.',
    ].join('\n');
    const r = importText(text, { framework: 'ofsted-sif-2013' });
    assert.match(r.markdown, /^62\. The number of children becoming looked after is reducing as a result of a better application of thresholds\.$/m);
    assert.match(r.markdown, /^64\. The authority places brothers and sisters together\. Homeless 16 and 17 year-olds get a timely response\.$/m);
    assert.deepEqual(model(r.markdown).paragraphs.map((p) => p.number), [61, 62, 63, 64, 65]);
  });
  it('joins a lower-case fragment to the paragraph it continues', () => {
    const r = importText('## Findings\n\n- 8. Health commissioners have retained a presence with a\n\n- range of local responsibilities.\n- 9. Next.\n', { framework: 'ofsted-sif-2013' });
    assert.match(r.markdown, /^8\. Health commissioners have retained a presence with a range of local responsibilities\.$/m);
  });
  it('turns a tab-separated grade list into a table', () => {
    const r = importText('1. Children who need help and protection\t\tRequires improvement\n2. Leadership, management and governance\t\tGood\n', { framework: 'ofsted-sif-2013' });
    assert.match(r.markdown, /\| Judgement \| Grade \|\n\| --- \| --- \|\n\| 1\. Children who need help and protection \| Requires improvement \|\n\| 2\. Leadership, management and governance \| Good \|/);
  });
  it('refuses an unknown framework', () => {
    assert.throws(() => importText('x', { framework: 'nope' }), /unknown framework "nope"/);
  });
});

describe('inspection-report import', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd: process.cwd() } };
  };
  it('prints Report Markdown and a report of what it removed', async () => {
    const { out, io: cliIo } = io();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-import-'));
    const input = path.join(dir, 'report.txt');
    fs.writeFileSync(input, PDF_TEXT);
    assert.equal(await runCliAsync(['import', input], cliIo), 0);
    assert.match(out.stdout, /^---\nframework: ofsted-ilacs-2018\n---/);
    assert.match(out.stderr, /framework ofsted-ilacs-2018 \(detected\)/);
    assert.match(out.stderr, /line 27 running-header: Inspection of Exampleshire/);
  });
  it('writes --out and honours --framework', async () => {
    const { out, io: cliIo } = io();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-import-'));
    const input = path.join(dir, 'report.txt');
    fs.writeFileSync(input, PDF_TEXT);
    const target = path.join(dir, 'report.report.md');
    assert.equal(await runCliAsync(['import', '--framework', 'ofsted-sif-2013', '--out', target, input], cliIo), 0);
    assert.equal(out.stdout, '');
    assert.match(fs.readFileSync(target, 'utf8'), /^---\nframework: ofsted-sif-2013\n---/);
  });
  it('fails with status 2 and a clear message', async () => {
    const { out, io: cliIo } = io();
    assert.equal(await runCliAsync(['import', 'no-such-file.txt'], cliIo), 2);
    assert.match(out.stderr, /no-such-file\.txt: ENOENT|no such file/);
    assert.equal(await runCliAsync(['import'], cliIo), 2);
    assert.equal(await runCliAsync(['import', '--framework', 'nope', 'x.txt'], cliIo), 2);
  });
});
