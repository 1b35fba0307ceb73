import type { ReportModel } from '../model/types.js';
import type { Check, CheckContext, ReportDiagnostic, SeveritySetting } from '../checks/types.js';
import { CHECKS, DEFAULT_SEVERITIES } from '../checks/registry.js';
import { runAtOnce } from '../util/inSteps.js';

export interface AnalyseOptions {
  /** Severity per code; 'off' drops the code. Unlisted codes keep their default. */
  severities?: Record<string, SeveritySetting>;
  settings?: Record<string, unknown>;
  checks?: readonly Check[];
  /** Told about a check that threw; the other checks still report. */
  onCheckError?: (checkId: string, error: unknown) => void;
}

/** Run every check on a model, each isolated, and apply the configured severities. */
export function analyse(model: ReportModel, options: AnalyseOptions = {}): ReportDiagnostic[] {
  return runAtOnce(analysing(model, options));
}

/** analyse a check at a time: yields after each check (see util/inSteps.ts). */
export function* analysing(model: ReportModel, options: AnalyseOptions = {}): Generator<void, ReportDiagnostic[]> {
  const context: CheckContext = { settings: options.settings ?? {} };
  const out: ReportDiagnostic[] = [];
  const severity = (code: string, check: Check) => options.severities?.[code] ?? check.codes[code] ?? DEFAULT_SEVERITIES[code] ?? 'warning';
  for (const check of options.checks ?? CHECKS) {
    // A check whose every code is off is not run: its findings would all be dropped.
    if (Object.keys(check.codes).every((code) => severity(code, check) === 'off')) continue;
    let findings;
    try {
      findings = check.steps ? yield* check.steps(model, context) : check.run(model, context);
    } catch (error) {
      options.onCheckError?.(check.id, error);
      continue;
    }
    for (const f of findings) {
      const level = severity(f.code, check);
      if (level === 'off') continue;
      out.push({ ...f, severity: level });
    }
    yield;
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
