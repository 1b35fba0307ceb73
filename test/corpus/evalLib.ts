import * as fs from 'node:fs';
import * as path from 'node:path';
import { importText } from '../../server/src/import/index.js';
import { buildModel } from '../../server/src/model/buildModel.js';
import { ProfileRegistry } from '../../server/src/profiles/registry.js';
import { analyse } from '../../server/src/service/analyse.js';
import { missingWords } from '../../server/src/import/words.js';
import type { ReportDiagnostic } from '../../server/src/checks/types.js';
import type { ReportModel } from '../../server/src/model/types.js';

export const ARCHIVE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'shared', 'corpus', 'ofsted-archive');

const registry = new ProfileRegistry();

export interface ReportEval {
  file: string;
  ok: boolean;
  error?: string;
  framework: string;
  paragraphs: number;
  statements: number;
  summaryStatements: number;
  /** Areas the profile requires in the summary that the imported grade table does not give. */
  missingSummaryAreas: string[];
  missingWords: number;
  removed: number;
  warnings: string[];
  diagnostics: { code: string; severity: string; line: number; message: string }[];
  markdown: string;
}

export function listArchive(dir = ARCHIVE): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
}

/** Import one archive report, check the result, and measure it. */
export function evaluate(file: string, text: string): ReportEval {
  let markdown = '';
  try {
    const r = importText(text, { registry });
    markdown = r.markdown;
    const model: ReportModel = buildModel(`file:///${file}.report.md`, 1, markdown, { registry });
    const diagnostics: ReportDiagnostic[] = analyse(model);
    const profile = model.framework.profile;
    const summaryAreas = new Set(model.judgements.filter((j) => j.summary).map((j) => j.area));
    const missingSummaryAreas = profile.judgements.filter((a) => a.requiredInSummary && !summaryAreas.has(a.id)).map((a) => a.id);
    const missing = missingWords(text, markdown, r.removed.map((x) => x.text));
    // Early SIF reports (February 2014) have no numbered paragraphs at all: none is expected then.
    const numberedLines = (text.match(/^[ \t]*\d{1,3}\.[ \t]+[A-Z]/gm) ?? []).length;
    const paragraphsOk = model.paragraphs.length > 0 || numberedLines < 10;
    return {
      file,
      ok: paragraphsOk && summaryAreas.size > 0 && missing.length === 0,
      framework: r.framework,
      paragraphs: model.paragraphs.length,
      statements: model.judgements.length,
      summaryStatements: model.judgements.filter((j) => j.summary).length,
      missingSummaryAreas,
      missingWords: missing.length,
      removed: r.removed.length,
      warnings: r.warnings,
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        line: model.lines.positionAt(d.span.start).line + 1,
        message: d.message,
      })),
      markdown,
    };
  } catch (e) {
    return {
      file, ok: false, error: (e as Error).stack ?? String(e), framework: '', paragraphs: 0, statements: 0, summaryStatements: 0,
      missingSummaryAreas: [], missingWords: 0, removed: 0, warnings: [], diagnostics: [], markdown,
    };
  }
}
