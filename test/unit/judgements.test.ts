import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, model, readFixture, registry } from '../helpers.js';
import { rulePatterns } from '../../server/src/checks/judgement/wording.js';
import { assertProperty } from '../robustness/seed.js';
import { checkForCode } from '../../server/src/checks/registry.js';
import { summaryActions } from '../../server/src/checks/judgement/mismatch.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import { hover } from '../../server/src/service/hover.js';
import { documentSymbols } from '../../server/src/service/symbols.js';
import type { ReportModel } from '../../server/src/model/types.js';

const statements = (m: ReportModel) => m.judgements.map((j) => `${j.area} ${j.grade} ${j.kind}${j.summary ? ' summary' : ''}`);

describe('judgement statements in the converted corpus reports', () => {
  it('Haringey 2014 (SIF): the grade table, the front sentences and every judgement heading', () => {
    const RI = 'requires-improvement';
    assert.deepEqual(statements(model(readFixture('corpus/haringey-2014.report.md'))), [
      `overall ${RI} heading summary`,
      `help-and-protection ${RI} table summary`,
      `looked-after ${RI} table summary`,
      `adoption ${RI} table summary`,
      `care-leavers ${RI} table summary`,
      `leadership ${RI} table summary`,
      `lscb ${RI} sentence summary`,
      `help-and-protection ${RI} heading`,
      `looked-after ${RI} heading`,
      `adoption ${RI} heading`,
      `care-leavers ${RI} heading`,
      `leadership ${RI} heading`,
      `lscb ${RI} heading`,
    ]);
  });

  it('the raw Haringey paste gives the same statements (grade list pasted with tabs)', () => {
    const raw = model(readFixture('raw/haringey-2014.raw.report.md'));
    const converted = model(readFixture('corpus/haringey-2014.report.md'));
    assert.deepEqual(statements(raw), statements(converted));
  });

  it('Barnet 2012 (SLAC): headings with "Grade N (x)", first sentences, and the record of main findings per part', () => {
    const m = model(readFixture('corpus/barnet-2012.report.md'));
    const body = m.judgements.filter((j) => !j.summary).map((j) => `${j.area} ${j.grade} ${j.kind}`);
    assert.deepEqual(body, [
      'sg-overall good sentence',
      'sg-capacity good sentence',
      'sg-safe good heading',
      'sg-quality-of-provision adequate heading',
      'sg-health good heading',
      'sg-ambition good sentence',
      'sg-leadership good sentence',
      'sg-performance good heading',
      'sg-partnership good heading',
      'lac-overall good sentence',
      'lac-capacity good heading',
      'lac-healthy good sentence',
      'lac-staying-safe good sentence',
      'lac-enjoying good sentence',
      'lac-positive-contribution good heading',
      'lac-economic good sentence',
      'lac-quality-of-provision adequate heading',
      'lac-leadership good sentence',
      'lac-performance good heading',
    ]);
    const summary = m.judgements.filter((j) => j.summary);
    assert.equal(summary.length, 22);
    assert.ok(summary.every((j) => j.kind === 'table'));
    assert.deepEqual(summary.filter((j) => j.grade === 'adequate').map((j) => j.area), ['sg-quality-of-provision', 'lac-quality-of-provision']);
  });

  for (const file of ['corpus/haringey-2014.report.md', 'corpus/barnet-2012.report.md', 'raw/haringey-2014.raw.report.md']) {
    it(`${file}: no judgement diagnostics`, () => {
      const ds = check(readFixture(file)).filter((d) => d.code.startsWith('judgement/'));
      assert.deepEqual(ds.map((d) => `${d.code} ${d.message}`), []);
    });
  }
});

describe('judgement fixes', () => {
  function fixText(text: string, code: string, pick = 0): string {
    const m = model(text);
    const d = check(text).find((x) => x.code === code);
    assert.ok(d, `expected ${code}`);
    const fixes = checkForCode(code)!.fixes!(m, d, { settings: {} });
    return applyEdits(text, fixes[pick].edits);
  }

  it('agrees a plural heading with the summary in its grammatical form', () => {
    const text = '| Judgement | Grade |\n|---|---|\n| Leadership, management and governance | Good |\n\n### Leadership, management and governance require improvement\n\n1. a\n';
    const fixed = fixText(text, 'judgement/mismatch');
    assert.match(fixed, /### Leadership, management and governance are good\n/);
    assert.deepEqual(check(fixed).filter((d) => d.code === 'judgement/mismatch'), []);
  });

  it('keeps "is" before the grade, and the SLAC "Grade N (x)" style', () => {
    const sif = '| Judgement | Grade |\n|---|---|\n| Adoption performance | Good |\n\n#### The graded judgement for adoption performance is requires improvement\n\n1. a\n';
    assert.match(fixText(sif, 'judgement/mismatch'), /adoption performance is good\n/);
    const slac = '---\nframework: ofsted-slac-2009\n---\n\n## Safeguarding services\n\n### Partnership working Grade 3 (adequate)\n\n1. a\n\n## Record of main findings\n\n| Judgement | Grade |\n|---|---|\n| Safeguarding services | |\n| Partnership working | Good |\n';
    const fixed = fixText(slac, 'judgement/mismatch');
    assert.match(fixed, /### Partnership working Grade 2 \(good\)\n/);
    assert.deepEqual(check(fixed).filter((d) => d.code === 'judgement/mismatch'), []);
  });

  it('gives a singular verb to a verbal grade replaced by an adjective', () => {
    const text = '| Judgement | Grade |\n|---|---|\n| Adoption performance | Good |\n\n#### Adoption performance requires improvement\n\n1. a\n';
    assert.match(fixText(text, 'judgement/mismatch'), /#### Adoption performance is good\n/);
  });

  it('from the summary, makes the body agree', () => {
    const text = readFixture('synthetic/judgement-mismatch.report.md');
    const m = model(text);
    const row = m.judgements.find((j) => j.summary && j.area === 'help-and-protection')!;
    const [action] = summaryActions(m, row.gradeSpan);
    assert.match(action.title, /^Make the body agree with the summary \(.*: Requires improvement\)$/);
    const fixed = applyEdits(text, action.edits);
    assert.match(fixed, /### The experiences and progress of children who need help and protection require improvement\n/);
    assert.deepEqual(check(fixed).filter((d) => d.code === 'judgement/mismatch' && model(fixed).judgements.find((j) => j.gradeSpan.start === d.span.start)?.area === 'help-and-protection'), []);
  });

  it('replaces an unknown grade with one on the scale', () => {
    const text = readFixture('synthetic/judgement-unknown-grade.report.md');
    const fixes = checkForCode('judgement/unknown-grade')!.fixes!(model(text), check(text).find((d) => d.code === 'judgement/unknown-grade')!, { settings: {} });
    assert.deepEqual(fixes.map((f) => f.title), ['Change to Outstanding', 'Change to Good', 'Change to Requires improvement', 'Change to Inadequate']);
    const fixed = applyEdits(text, fixes[1].edits);
    assert.match(fixed, /achieving permanence \| Good \|/);
  });
});

describe('judgements in the editor', () => {
  const text = readFixture('corpus/haringey-2014.report.md');
  const m = model(text);
  it('hover on a grade shows its description and every other statement of the area', () => {
    const heading = m.judgements.find((j) => j.area === 'leadership' && j.kind === 'heading')!;
    const h = hover(m, heading.gradeSpan.start + 2)!;
    assert.match(h.markdown, /Leadership, management and governance: Requires improvement/);
    assert.match(h.markdown, /no widespread or serious failures/);
    assert.match(h.markdown, /line 32 \(summary\)/);
  });
  it('hover escapes report text', () => {
    const mm = model('# <img src=x onerror=alert(1)> *x*\n');
    assert.doesNotMatch(hover(mm, 2)!.markdown, /<img/);
  });
  it('judgement sections carry their grade as detail in the outline', () => {
    const details: string[] = [];
    const walk = (list: ReturnType<typeof documentSymbols>) => list.forEach((s) => { if (s.kind === 'judgement' && s.detail) details.push(s.detail); walk(s.children); });
    walk(documentSymbols(m));
    assert.ok(details.includes('The experiences and progress of children who need help and protection \u2014 Requires improvement'), details.join('\n'));
  });
});

describe('completion of grades and areas', () => {
  it('offers area names and grade phrases in headings and table rows, nothing in prose', async () => {
    const { completions } = await import('../../server/src/service/completion.js');
    const text = '---\nframework: ofsted-sif-2013\n---\n\n### Leadership, management and governance \n\n| Leadership, management and governance | |\n\nSome prose \n';
    const m = model(text);
    const heading = completions(m, text.indexOf('governance \n') + 11).map((c) => c.label);
    assert.ok(heading.includes('Requires improvement') && heading.includes('require improvement') && heading.includes('Adoption performance'));
    const cell = completions(m, text.indexOf('| |') + 2).map((c) => `${c.kind}:${c.label}`);
    assert.ok(cell.includes('grade:Good') && !cell.some((c) => c.startsWith('area:')), 'a grade cell offers grades only');
    assert.deepEqual(completions(m, text.indexOf('prose') + 5), []);
  });
});

describe('judgement/wording: the one-scan test for any phrase', () => {
  it('matches exactly where some rule matches, for every built-in profile', () => {
    for (const profile of registry.all) {
      if (!profile.wording?.length) continue;
      const { rules, any } = rulePatterns(profile);
      const phrases = profile.wording.map((r) => r.phrase);
      // Phrases, their pieces, and the characters around them that decide a whole-word match.
      const pieces = [...phrases, ...phrases.flatMap((p) => p.split(/\s+/)), ' ', '  ', '\n', '-', 'x', 'not ', 'yet ', '.', "'"];
      assertProperty(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.boolean(), (parts, upper) => {
          const text = upper ? parts.join('').toUpperCase() : parts.join('');
          const some = rules.some((re) => {
            re.lastIndex = 0;
            return re.test(text);
          });
          assert.equal(any.test(text), some, `${profile.id}: ${JSON.stringify(text)}`);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
