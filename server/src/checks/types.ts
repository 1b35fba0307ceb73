import type { ReportModel, Span } from '../model/types.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedInfo {
  span: Span;
  message: string;
}

/** A finding of a check, in offsets; converted to lines and columns only at the edges. */
export interface ReportDiagnostic {
  code: string;
  severity: Severity;
  span: Span;
  message: string;
  related?: RelatedInfo[];
  /** Check-specific facts that the fixes for this code read back. */
  data?: Record<string, unknown>;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** quickfix (default) or source.fixAll. */
  kind?: 'quickfix' | 'source.fixAll';
  isPreferred?: boolean;
  /** Safe fixes are applied by `check --fix` and fix-all. */
  safe?: boolean;
}

export interface CheckContext {
  /** Settings the checks read (citation style, etc.). */
  settings: Readonly<Record<string, unknown>>;
}

/** A finding before severity is applied (checks report; configuration decides how loud). */
export type Finding = Omit<ReportDiagnostic, 'severity'>;

export interface Check {
  /** Stable id, used in logs when the check throws. */
  id: string;
  /** Codes this check reports, with their default severities. */
  codes: Record<string, SeveritySetting>;
  run(model: ReportModel, context: CheckContext): Finding[];
  /**
   * run, a step at a time (util/inSteps.ts), for a check that can take long on a long report
   * the first time it reads it: a server opening one hands control back between steps. Run
   * to its end at once, it is run.
   */
  steps?(model: ReportModel, context: CheckContext): Generator<void, Finding[]>;
  /** Fixes for one of this check's diagnostics. */
  fixes?(model: ReportModel, diagnostic: ReportDiagnostic, context: CheckContext): Fix[];
  /** Actions offered where the cursor is, without a diagnostic there (e.g. on the summary's grade). */
  actions?(model: ReportModel, span: Span, context: CheckContext): Fix[];
}
