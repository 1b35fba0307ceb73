// Generates snippets/inspection-report.code-snippets from the built-in framework profiles
// (server/profiles/*.json), so that area names, grades and section names in the skeletons
// are the profile's own. Run `node snippets/generate.mjs` after changing a profile; a unit
// test (test/unit/editorSnippets.test.ts) fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const profile = (id) => JSON.parse(readFileSync(new URL(`server/profiles/${id}.json`, root), 'utf8'));

/** Builds a snippet body with numbered tab stops and consecutive paragraph numbers. */
class Body {
  constructor() {
    this.lines = [];
    this.stop = 0;
    this.paragraph = 0;
  }
  esc(text) {
    return text.replace(/[\\$}]/g, (c) => '\\' + c);
  }
  tab(placeholder) {
    this.stop += 1;
    return `\${${this.stop}:${this.esc(placeholder).replace(/,/g, ',')}}`;
  }
  choice(options) {
    this.stop += 1;
    return `\${${this.stop}|${options.map((o) => o.replace(/[\\$}|,]/g, (c) => '\\' + c)).join(',')}|}`;
  }
  line(text = '') {
    this.lines.push(text);
    return this;
  }
  /** `N. placeholder` with the next paragraph number. */
  para(placeholder) {
    this.paragraph += 1;
    return this.line(`${this.paragraph}. ${this.tab(placeholder)}`);
  }
  restart() {
    this.paragraph = 0;
    return this;
  }
}

const labels = (p) => p.grades.map((g) => g.label);
const area = (p, id) => {
  const a = p.judgements.find((j) => j.id === id);
  if (!a) throw new Error(`${p.id}: no area ${id}`);
  return a;
};
const lower = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function frontMatter(b, id) {
  b.line('---').line(`framework: ${id}`);
  b.line(`authority: ${b.tab('Local authority name')}`);
  b.line(`inspected: ${b.tab('YYYY-MM-DD')}/${b.tab('YYYY-MM-DD')}`);
  b.line(`published: ${b.tab('YYYY-MM-DD')}`);
  b.line('---').line();
}

function sif() {
  const p = profile('ofsted-sif-2013');
  const b = new Body();
  const grades = labels(p);
  const plural = p.grades.map((g) => (g.pluralForm ?? `are ${g.label.toLowerCase()}`));
  const singular = p.grades.map((g) => (g.singularForm ?? `is ${g.label.toLowerCase()}`));
  frontMatter(b, p.id);
  b.line(`# ${b.tab('Local authority name')}`).line();
  b.line('Inspection of services for children in need of help and protection, children looked after and care leavers').line();
  b.line('and').line();
  b.line('Review of the effectiveness of the Local Safeguarding Children Board').line();
  b.line(`Inspection date: ${b.tab('dates')}`).line();
  b.line(`Report published: ${b.tab('date')}`).line();
  b.line(`## The overall judgement is **${b.choice(p.grades.map((g) => g.singularForm ?? g.label.toLowerCase()))}**`).line();
  b.line(b.tab('The standard paragraph for the overall grade.')).line();
  b.line('| Judgement | Grade |').line('| --- | --- |');
  const rows = [
    ['1.', 'help-and-protection'],
    ['2.', 'looked-after'],
    ['2.1', 'adoption'],
    ['2.2', 'care-leavers'],
    ['3.', 'leadership'],
  ];
  for (const [n, id] of rows) b.line(`| ${n} ${area(p, id).name} | ${b.choice(grades)} |`);
  b.line();
  b.line('| Judgement | Grade |').line('| --- | --- |');
  b.line(`| ${area(p, 'lscb').name} | ${b.choice(grades)} |`).line();
  b.line('## Section 1: the local authority').line();
  b.line('### Summary of key findings').line();
  b.line(`#### This local authority ${b.tab('requires improvement')} because`).line();
  b.para('Key finding.');
  b.line().line('#### The local authority has the following strengths').line();
  b.para('Strength.');
  b.line().line('### What does the local authority need to improve?').line();
  b.line('#### Priority and immediate action').line();
  b.para('Priority action.');
  b.line().line('#### Areas for improvement').line();
  b.para('Area for improvement.');
  b.line().line('### Inspection judgements about the local authority').line();
  const body = (id, level, verb) => {
    b.line(`${'#'.repeat(level)} ${area(p, id).name} ${b.choice(verb)}`).line();
    b.para('Finding.');
    b.line();
  };
  body('help-and-protection', 4, plural);
  body('looked-after', 4, plural);
  body('adoption', 5, singular);
  body('care-leavers', 5, plural);
  body('leadership', 4, plural);
  b.line(`## ${p.parts.find((x) => x.id === 'lscb').name}`).line();
  b.line(`### The Local Safeguarding Children Board ${b.choice(plural.map((v) => v.replace(/^are /, 'is ').replace(/^require /, 'requires ')))}`).line();
  b.restart();
  b.line('#### Executive summary').line();
  b.para('Summary of the LSCB review.');
  b.line().line('#### Recommendations').line();
  b.para('Recommendation.');
  b.line().line('#### Inspection findings: the Local Safeguarding Children Board').line();
  b.para('Finding.');
  b.line().line('## Information about this inspection').line();
  b.line('$0');
  return b.lines;
}

function ilacs(split) {
  const p = profile('ofsted-ilacs-2018');
  const b = new Body();
  const grades = labels(p);
  frontMatter(b, p.id);
  b.line(`# ${b.tab('Local authority name')}`).line();
  b.line("Inspection of children's social care services").line();
  b.line(`Inspection dates: ${b.tab('dates')}`).line();
  b.line(`Lead inspector: ${b.tab('name')}`).line();
  const ids = ['help-and-protection', ...(split ? ['children-in-care', 'care-leavers'] : ['children-in-care-and-care-leavers']), 'leadership'];
  b.line('| Judgement | Grade |').line('| --- | --- |');
  for (const id of ids) b.line(`| ${area(p, id).name} | ${b.choice(grades)} |`);
  b.line(`| ${area(p, 'overall').name} | ${b.choice(grades)} |`).line();
  b.line(`${b.tab("The local authority's services for children are ...")}`).line();
  b.line('## What needs to improve?').line();
  b.para('Recommendation.');
  b.line();
  for (const id of ids) {
    b.line(`## ${area(p, id).name}: ${b.choice(p.grades.map((g) => g.label.toLowerCase()))}`).line();
    b.para('Finding.');
    b.line();
  }
  b.line('$0');
  return b.lines;
}

function slac() {
  const p = profile('ofsted-slac-2009');
  const b = new Body();
  const heading = p.grades.map((g) => g.headingForm ?? g.label);
  frontMatter(b, p.id);
  b.line(`# Inspection of safeguarding and looked after children services: ${b.tab('Local authority name')}`).line();
  b.line(`Inspection dates: ${b.tab('dates')}`).line();
  b.line('## About this inspection').line();
  b.para('The purpose of the inspection.');
  b.line().line('## Service information').line();
  b.para('The local area.');
  b.line();
  const parts = [
    { part: 'safeguarding', outcomes: 'Outcomes for children and young people' },
    { part: 'looked-after', outcomes: null },
  ];
  for (const { part, outcomes } of parts) {
    const name = p.parts.find((x) => x.id === part).name;
    const areas = p.judgements.filter((j) => j.part === part);
    b.line(`## ${name}`).line();
    const section = (a, level) => {
      b.line(`${'#'.repeat(level)} ${a.name} ${b.choice(heading)}`).line();
      b.para('Finding.');
      b.line();
    };
    const byId = (suffix) => areas.find((a) => a.id.endsWith('-' + suffix));
    section(byId('overall'), 3);
    section(byId('capacity'), 3);
    b.line('### Areas for improvement').line();
    b.para('The areas for improvement introduction.');
    b.line().line('#### Immediately:').line();
    b.para('Action.');
    b.line().line('#### Within three months:').line();
    b.para('Action.');
    b.line().line('#### Within six months:').line();
    b.para('Action.');
    b.line();
    const done = new Set([byId('overall').id, byId('capacity').id]);
    const parentAreas = areas.filter((a) => !a.parent && !done.has(a.id) && a.requiredInBody !== false || areas.some((c) => c.parent === a.id));
    if (outcomes) b.line(`### ${outcomes}`).line();
    for (const a of parentAreas) {
      const children = areas.filter((c) => c.parent === a.id);
      if (children.length) {
        b.line(`### ${a.name}`).line();
        for (const c of children) section(c, 4);
      } else section(a, outcomes && a.id === 'sg-safe' ? 4 : 3);
    }
  }
  b.line('## Record of main findings').line();
  b.line('| Judgement | Grade |').line('| --- | --- |');
  for (const part of ['safeguarding', 'looked-after']) {
    b.line(`| ${p.parts.find((x) => x.id === part).name} | |`);
    for (const a of p.judgements.filter((j) => j.part === part)) {
      b.line(a.requiredInSummary ? `| ${a.name} | ${b.choice(labels(p))} |` : `| ${a.name} | |`);
    }
  }
  b.line().line('$0');
  return b.lines;
}

function judgementSection() {
  return ['## ${1:The experiences and progress of children who need help and protection}: ${2|outstanding,good,requires improvement to be good,requires improvement,adequate,inadequate|}', '', '${3:1}. $0'];
}

const snippets = {
  'Report skeleton: ILACS (2018)': {
    prefix: ['report-ilacs', 'skeleton'],
    description: 'A whole ILACS report (ofsted-ilacs-2018): front matter, grade table with every area, what needs to improve, a judgement section per area.',
    body: ilacs(false),
  },
  'Report skeleton: ILACS (from 2023, care leavers graded separately)': {
    prefix: ['report-ilacs-2023', 'skeleton'],
    description: 'An ILACS report after the January 2023 changes: children in care and care leavers graded separately.',
    body: ilacs(true),
  },
  'Report skeleton: SIF (2013) with LSCB review': {
    prefix: ['report-sif', 'skeleton'],
    description: 'A whole single inspection framework report (ofsted-sif-2013): front matter, grade tables (local authority and LSCB), summary, strengths, priority action, areas for improvement, judgement sections, then Section 2 for the LSCB (numbering restarts at 1).',
    body: sif(),
  },
  'Report skeleton: SLAC (2009)': {
    prefix: ['report-slac', 'skeleton'],
    description: 'A whole safeguarding and looked after children report (ofsted-slac-2009): both parts with every graded area (Grade N (word) headings), areas for improvement by timescale, record of main findings.',
    body: slac(),
  },
  'Judgement section': {
    prefix: ['judgement', 'judgment'],
    description: 'A judgement section: area heading with its grade, then a numbered paragraph (renumber the report afterwards).',
    body: judgementSection(),
  },
  'Area for improvement': {
    prefix: ['improvement', 'afi'],
    description: 'A numbered area for improvement (recommendation): Ensure that … so that …',
    body: ['${1:1}. ${2|Ensure that,Improve,Strengthen,Increase|} ${3:what must change}, so that ${4:the difference it makes for children}.$0'],
  },
  'Numbered paragraph': {
    prefix: ['para', 'paragraph'],
    description: 'A numbered paragraph (renumber the report afterwards).',
    body: ['${1:1}. ${0:text}'],
  },
};

const out = JSON.stringify(snippets, null, 2) + '\n';
const target = fileURLToPath(new URL('snippets/inspection-report.code-snippets', root));
if (process.argv.includes('--print')) process.stdout.write(out);
else writeFileSync(target, out);
