/** The server's custom requests (see docs/editor.md), as the client sees them. */
export interface DocumentInfo {
  framework: { id: string; title: string; source: string };
  paragraphs: number;
  sections: number;
  errors: number;
  judgementSections: { title: string; area?: string; areaName?: string; range: Range }[];
  frameworks: { id: string; title: string }[];
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One judgement statement (inspectionReport/judgements, from the judgements issue); lines 1-based. */
export interface JudgementEntry {
  area: string;
  areaName: string;
  grade: string;
  gradeId?: string;
  line: number;
  column?: number;
  kind: string;
  summary?: boolean;
}

/** One recommendation (inspectionReport/improvements). */
export interface Recommendation {
  number: number;
  item?: number;
  kind: 'improvements' | 'priority-action';
  area?: string;
  areaName: string;
  heading: string;
  text: string;
  range: Range;
  findings: { number: number; range: Range }[];
}

export const REQUESTS = {
  documentInfo: 'inspectionReport/documentInfo',
  improvements: 'inspectionReport/improvements',
  actionPlan: 'inspectionReport/actionPlan',
  judgements: 'inspectionReport/judgements',
  import: 'inspectionReport/import',
} as const;

/** What the server's import returns (server/src/import/types.ts ImportResult). */
export interface ImportResult {
  markdown: string;
  framework: string;
  frameworkSource: 'option' | 'detected' | 'default';
  removed: { kind: string; line: number; text: string }[];
  warnings: string[];
}

export const LANGUAGE_ID = 'inspection-report';

export function isReport(doc: { languageId: string } | undefined): boolean {
  return doc?.languageId === LANGUAGE_ID;
}
