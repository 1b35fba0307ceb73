/*
 * `npm run eval:trace`: accuracy of inferred improvement → finding links against the
 * hand-made labels in ../shared/corpus/labels/. Prints top-1 and top-3 accuracy and the
 * false-unmatched rate, for the converted report and for the raw paste.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, FIXTURES, model } from '../helpers.js';
import { traceOf, SUPPORT_THRESHOLD } from '../../server/src/trace/trace.js';
import { importText } from '../../server/src/import/importText.js';

interface Label {
  paragraph: number;
  area: string;
  body_findings: number[];
  summary_findings: number[];
}

export interface Accuracy {
  file: string;
  improvements: number;
  top1: number;
  top3: number;
  falseUnmatched: number;
  misses: string[];
}

export function evaluate(labelsFile: string, reportFile: string): Accuracy {
  const labels: { improvements: Label[] } = JSON.parse(fs.readFileSync(labelsFile, 'utf8'));
  const trace = traceOf(model(fs.readFileSync(reportFile, 'utf8')));
  let top1 = 0;
  let top3 = 0;
  let falseUnmatched = 0;
  const misses: string[] = [];
  for (const label of labels.improvements) {
    const imp = trace.improvements.find((i) => i.number === label.paragraph);
    const ranked = imp?.findings.map((l) => l.number) ?? [];
    const truth = new Set(label.body_findings);
    if (ranked.length && truth.has(ranked[0])) top1++;
    else misses.push(`${label.paragraph}: got ${ranked.slice(0, 3).join(',') || 'nothing'}; labelled ${label.body_findings.join(',')}`);
    if (ranked.slice(0, 3).some((n) => truth.has(n))) top3++;
    if (truth.size > 0 && !imp?.supported) falseUnmatched++;
  }
  const n = labels.improvements.length;
  return { file: path.relative(process.cwd(), reportFile), improvements: n, top1: top1 / n, top3: top3 / n, falseUnmatched: falseUnmatched / n, misses };
}

function main(): void {
  const labelsDir = path.join(CORPUS, 'labels');
  if (!fs.existsSync(labelsDir)) {
    console.log(`no labels at ${labelsDir}: nothing to evaluate`);
    process.exitCode = 1;
    return;
  }
  const runs: [string, string][] = [
    [path.join(labelsDir, 'haringey-2014.json'), path.join(FIXTURES, 'corpus', 'haringey-2014.report.md')],
    [path.join(labelsDir, 'haringey-2014.json'), path.join(FIXTURES, 'raw', 'haringey-2014.raw.report.md')],
  ];
  console.log('| report | improvements | top-1 | top-3 | false unmatched |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const results = runs.map(([l, r]) => evaluate(l, r));
  for (const a of results) {
    console.log(`| ${a.file} | ${a.improvements} | ${a.top1.toFixed(2)} | ${a.top3.toFixed(2)} | ${a.falseUnmatched.toFixed(2)} |`);
  }
  for (const a of results) if (a.misses.length) console.log(`\n${a.file}: top-1 misses\n  ${a.misses.join('\n  ')}`);
  const own = traceOf(model(fs.readFileSync(runs[0][1], 'utf8'))).improvements.map((i) => i.findings[0]?.score ?? 0);
  const crossed = crossReportScores();
  console.log(`\nBest inferred score per improvement (threshold ${SUPPORT_THRESHOLD}):`);
  console.log(`  against its own report's findings:     ${summarise(own)}`);
  console.log(`  against another council's findings:    ${summarise(crossed)}`);
  const archive = archiveScores();
  if (archive) {
    const below = archive.scores.filter((x) => x < SUPPORT_THRESHOLD).length;
    console.log(`  in published reports (every 4th of the archive, ${archive.reports} imported): ${summarise(archive.scores)}`);
    console.log(`    flagged unmatched at the threshold: ${below} of ${archive.scores.length} (${((100 * below) / archive.scores.length).toFixed(1)}%)`);
  }
}

/**
 * Best inferred scores of the improvements of published reports (which almost always rest on
 * their findings): imported from the archive, every fourth report, improvements with at least
 * one candidate and no explicit citation.
 */
export function archiveScores(): { reports: number; scores: number[] } | undefined {
  const dir = path.join(CORPUS, 'ofsted-archive');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 4 === 0);
  const scores: number[] = [];
  let reports = 0;
  for (const f of files) {
    let markdown: string;
    try {
      markdown = importText(fs.readFileSync(path.join(dir, f), 'utf8')).markdown;
    } catch {
      continue;
    }
    const m = model(markdown);
    if (m.paragraphs.length === 0) continue;
    reports++;
    for (const imp of traceOf(m).improvements) {
      if (imp.findings.length === 0 || imp.findings.some((l) => l.explicit)) continue;
      scores.push(imp.findings[0].score);
    }
  }
  return { reports, scores };
}

/**
 * The reference for the support threshold: improvements scored against the findings of a
 * different council's report (Haringey's against Barnet's body, and Barnet's against
 * Haringey's). Such findings often discuss the same topics, so these scores are an upper
 * bound on chance; an improvement scoring below most of them has no evidence of its own.
 */
export function crossReportScores(): number[] {
  const har = fs.readFileSync(path.join(FIXTURES, 'corpus', 'haringey-2014.report.md'), 'utf8');
  const bar = fs.readFileSync(path.join(FIXTURES, 'corpus', 'barnet-2012.report.md'), 'utf8');
  const improvementsOf = (text: string) => traceOf(model(text)).improvements.map((i) => `- ${i.text.replace(/\s+/g, ' ').trim()}`);
  const bodyOf = (text: string, from: string) => text.slice(text.indexOf(from)).replace(/#+ (Areas for improvement|Within (three|six) months:?)\n[\s\S]*?(?=\n#+ (?!Within))/g, '');
  const build = (framework: string, improvements: string[], body: string) =>
    traceOf(model(`---\nframework: ${framework}\n---\n\n# Report\n\n## Areas for improvement\n\n${improvements.join('\n')}\n\n${body}`)).improvements.map((i) => i.findings[0]?.score ?? 0);
  return [
    ...build('ofsted-slac-2009', improvementsOf(har), bodyOf(bar, '## Safeguarding services')),
    ...build('ofsted-sif-2013', improvementsOf(bar), bodyOf(har, '### Inspection judgements about the local authority')),
  ];
}

function summarise(scores: number[]): string {
  const s = [...scores].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(3);
  return `n=${s.length} min ${s[0].toFixed(3)}  p10 ${q(0.1)}  median ${q(0.5)}  max ${s[s.length - 1].toFixed(3)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
