import * as path from 'node:path';
import { ReportLanguageService } from '../service/languageService.js';
import type { ProfileRegistry } from '../profiles/registry.js';
import * as fs from 'node:fs';
import { readReport, writeReportAtomically, type ReportFile } from './readReport.js';
import { fileResult, type FileResult } from './report.js';
import { fixAll } from '../fixes/fixAll.js';

/** What checking one file gives: its result (unless unreadable), and lines for stderr. */
export interface FileOutcome {
  result?: FileResult;
  stderr: string[];
  failed: boolean;
}

export function makeService(o: { framework?: string }, registry: ProfileRegistry) {
  const service = new ReportLanguageService({ registry, settings: { frameworkOverride: o.framework } });
  const checkErrors: string[] = [];
  service.onCheckError = (id, error) => checkErrors.push(`check ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
  return { service, checkErrors };
}

/** Check (and with `fix`, fix in place) one file. Used alike by the main thread and by workers. */
export function checkOneFile(
  file: string,
  o: { fix: boolean },
  service: ReportLanguageService,
  cwd: string,
  checkErrors: string[],
): FileOutcome {
  const out: FileOutcome = { stderr: [], failed: false };
  const abs = path.resolve(cwd, file);
  let report;
  try {
    report = readReport(abs);
  } catch (e) {
    out.stderr.push(`inspection-report: ${file}: ${(e as Error).message}\n`);
    out.failed = true;
    return out;
  }
  checkErrors.length = 0;
  let text = report.text;
  const uri = `file://${abs}`;
  if (o.fix) {
    const fixed = fixAll(text, (t) => service.build(uri, -1, t));
    // Check the fixed text fully before writing it; a check that throws means "do not write".
    service.diagnostics({ uri, version: 1, getText: () => fixed.text });
    if (fixed.text !== text && checkErrors.length === 0) {
      try {
        writeReportAtomically(abs, report, fixed.text);
        text = fixed.text;
      } catch (e) {
        out.stderr.push(`inspection-report: ${file}: ${(e as Error).message}\n`);
        out.failed = true;
      }
    }
    service.forget(uri);
  }
  const doc = { uri, version: 0, getText: () => text };
  const diagnostics = service.diagnostics(doc);
  for (const m of checkErrors) out.stderr.push(`inspection-report: ${file}: ${m}\n`);
  out.result = fileResult(file, service.getModel(doc), diagnostics);
  if (!out.failed && changedSince(abs, report, text !== report.text)) {
    // The results describe the text as it was read; say so rather than report a stale check.
    out.stderr.push(`inspection-report: ${file}: changed on disk while being checked; check it again\n`);
    out.failed = true;
  }
  service.forget(uri);
  return out;
}

/** Whether the file is no longer what was read (or, after a fix, what was written). */
function changedSince(file: string, report: ReportFile, written: boolean): boolean {
  if (written) return false;
  try {
    const now = fs.statSync(file);
    return now.mtimeMs !== report.mtimeMs || now.size !== report.size;
  } catch {
    return true;
  }
}
