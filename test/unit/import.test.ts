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
  it('keeps text between paragraphs N and N + 1 inside paragraph N (a sentence end read as a paragraph end)', () => {
    // As pdftotext gives a 2022 report: the short line ending "(MASH)." made the importer end
    // paragraph 2 there, and "However, …" became an unnumbered paragraph (1,469 such
    // diagnostics over the 348 archive reports, all between consecutive numbers).
    const text = [
      'The experiences and progress of children who need help and ',
      'protection: requires improvement to be good  ',
      '1. Early help has been strengthened and children are identified early when they ',
      'need help. While there is sometimes a short delay before intervention, children ',
      'and families benefit from an increasing number of services which, for many, ',
      'help to improve their lives.  ',
      '2. Referrals about children in need of help and protection are identified promptly ',
      'and responded to by staff in the multi-agency safeguarding hub (MASH). ',
      'However, some referrals are not transferred quickly enough to the duty and ',
      'assessment teams, even when it is immediately evident that a fuller assessment ',
      'is required. In some instances, when it is less clear if social care involvement is ',
      'required, more thorough enquiries do not take place and no further action is ',
      'taken; this contributes to unnecessary re-referrals to the service. ',
      '3. Assessments undertaken by the duty and assessment service vary in quality. ',
      'The high volume of cases in the duty and assessment teams means that too ',
      'many assessments of children’s needs lack sufficient detail to fully understand ',
      'the experiences of children. As a result, some children are re-referred to the ',
      'service for the same reasons as in the original referral.  ',
      'Inspectors also found that the service for disabled children is improving well. ',
    ].join('\n');
    const r = importText(text, { framework: 'ofsted-ilacs-2018' });
    const m = model(r.markdown);
    assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2, 3]);
    assert.match(m.paragraphs[1].text, /\(MASH\)\. However, some referrals are not transferred/);
    assert.match(r.markdown, /^ {3}However, some referrals/m, 'a paragraph of the list item: the break is kept');
    assert.equal(m.fragments.length, 0);
    assert.deepEqual(check(r.markdown).filter((d) => d.code === 'numbering/unnumbered'), []);
    assert.deepEqual(missingWords(text, r.markdown, r.removed.map((x) => x.text)), []);
    // After the last paragraph nothing shows it belongs to paragraph 3: it stays a paragraph of its own.
    assert.match(r.markdown, /^Inspectors also found/m);
    // A paragraph that states a grade is a judgement statement only on its own (SIF reports
    // number paragraphs straight through their judgement sections).
    const graded = text.replace('However, some referrals', 'The graded judgement for adoption performance is that it is good. \nHowever, some referrals');
    const g = importText(graded, { framework: 'ofsted-ilacs-2018' });
    assert.match(g.markdown, /^The graded judgement for adoption performance is that it is good\./m);
  });
  it('makes a one-row "Key judgement | Judgement grade" banner in the body the heading of its section', () => {
    // As pdftotext gives a 2015 report (Devon): each judgement section opens with a one-row table.
    const text = [
      'interim inspection was held on 24 February 2015 and the judgement was that the ',
      'home has sustained effectiveness. ',
      '\f ',
      'Inspection judgements about the local authority ',
      'Key judgement Judgement grade ',
      'The experiences and progress of children ',
      'who need help and protection Requires improvement  ',
      'Summary ',
      'The quality of work with children and families, and the structures and procedures ',
      'through which it is delivered, have improved since the last inspection. Consequently, ',
      'outcomes for children and young people have also improved. This improvement is ',
      'particularly evident over the last six months. Significant areas remain where practice ',
      'is not yet good and strong services are not in place. However, where failings have ',
      'been identified, these are not widespread or serious and children have not been left ',
      'at risk of harm.   ',
      'The local authority is not yet working effectively with partners to improve the co-',
      'ordination and impact of early help services. This was a recommendation arising ',
      'from the last inspection, and insufficient progress has been made. ',
    ].join('\n');
    const r = importText(text, { framework: 'ofsted-sif-2013' });
    assert.match(r.markdown, /^#+ The experiences and progress of children who need help and protection Requires improvement$/m);
    assert.ok(!/Key judgement/.test(r.markdown));
    assert.deepEqual(r.removed.filter((x) => x.kind === 'table-header').map((x) => x.text), ['Key judgement Judgement grade']);
    assert.deepEqual(missingWords(text, r.markdown, r.removed.map((x) => x.text)), []);
    const m = model(r.markdown);
    assert.ok(m.sections.some((s) => s.area === 'help-and-protection'), JSON.stringify(m.sections.map((s) => [s.title, s.area])));
  });
  it('an area and its grade as a sentence opens its section before its first paragraph, not in a list of past grades', () => {
    // As pdftotext gives a 2019 report (Nottingham), and a 2018 one's previous judgements (Sandwell).
    const text = [
      'Previous Ofsted inspections ',
      'The last inspection report for the local authority’s children’s services was ',
      'published in June 2015. The judgements for the local authority were: ',
      'Children who need help and protection: Inadequate. ',
      'Children looked after and achieving permanence: Requires improvement. ',
      'Leadership, management and governance: Inadequate. ',
      ' ',
      'The experiences and progress of children who need help and ',
      'protection requires improvement to be good. ',
      ' ',
      '1. Although the council has continued to develop its responses to initial ',
      'contacts and referrals, the arrangements are not yet consistently effective in ',
      'ensuring that children receive the right help at the right time. Thresholds are ',
      'not always understood or applied well by partner agencies and social workers. ',
      '2. Strategy discussions are timely and attended by the relevant agencies, and ',
      'they lead to appropriate decisions about the next steps to safeguard children. ',
    ].join('\n');
    const r = importText(text, { framework: 'ofsted-ilacs-2018' });
    assert.match(r.markdown, /^#+ The experiences and progress of children who need help and protection requires improvement to be good\.$/m);
    assert.ok(!/^#+ Children/m.test(r.markdown), 'a past grade stays text');
    const m = model(r.markdown);
    assert.deepEqual(m.sections.filter((s) => s.area).map((s) => [s.area, s.paragraphs.length]), [['help-and-protection', 2]]);
    assert.deepEqual(missingWords(text, r.markdown, r.removed.map((x) => x.text)), []);
  });
  it('a judgement heading wrapped over two lines after a full last line of a bullet ends the bullet', () => {
    // The first 75 lines of a 2025 report as pdftotext gives them (Islington): the heading after
    // "What needs to improve?" was read as more of its bullet, so the section had no heading.
    const text = readFixture('import/islington-2025-excerpt.txt');
    const r = importText(text, { framework: 'ofsted-ilacs-2018' });
    assert.match(r.markdown, /^- The consistency of seeking children’s and families’ views in the auditing process\.$/m);
    assert.match(r.markdown, /^#+ The experiences and progress of children who need help and protection: outstanding$/m);
    const m = model(r.markdown);
    assert.deepEqual(m.sections.filter((s) => s.area).map((s) => [s.area, s.paragraphs.length]), [['help-and-protection', 6]]);
    assert.deepEqual(missingWords(text, r.markdown, r.removed.map((x) => x.text)), []);
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
