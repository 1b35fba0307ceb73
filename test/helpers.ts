import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../server/src/model/buildModel.js';
import { ProfileRegistry } from '../server/src/profiles/registry.js';
import { analyse } from '../server/src/service/analyse.js';
import type { ReportModel } from '../server/src/model/types.js';
import type { ReportDiagnostic } from '../server/src/checks/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

export const registry = new ProfileRegistry();

export function model(text: string, frameworkOverride?: string): ReportModel {
  return buildModel('file:///test.report.md', 1, text, { registry, frameworkOverride });
}

export function check(text: string, frameworkOverride?: string): ReportDiagnostic[] {
  return analyse(model(text, frameworkOverride));
}

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function listFixtures(dir: string, suffix = '.report.md'): string[] {
  return fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith(suffix)).sort().map((f) => path.join(dir, f));
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Inline expectations: `<!-- expect: code, code -->` at the end of a line applies to that
 * line; alone on its line it applies to the next non-blank line. Returns "line code" strings.
 */
export function expectedMarkers(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = /<!--\s*expect:\s*([^>]*?)\s*-->/.exec(line);
    if (!m) return;
    let target = i;
    if (line.trim() === m[0]) {
      target = i + 1;
      while (target < lines.length && lines[target].trim() === '') target++;
    }
    for (const code of m[1].split(/[\s,]+/).filter(Boolean)) out.push(`${target + 1} ${code}`);
  });
  return out.sort();
}

export function actualMarkers(text: string, diagnostics: ReportDiagnostic[], codes?: (c: string) => boolean): string[] {
  return diagnostics
    .filter((d) => !codes || codes(d.code))
    .map((d) => `${lineOf(text, d.span.start)} ${d.code}`)
    .sort();
}
