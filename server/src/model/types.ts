import type { LineIndex } from '../text/lineIndex.js';
import type { Profile, SectionRole } from '../profiles/types.js';

/** A half-open range of string offsets [start, end). Converted to positions only at the edges. */
export interface Span {
  start: number;
  end: number;
}

export type ParagraphForm = 'ordered' | 'legacy-bullet' | 'stray';

/** A numbered paragraph: the report's unit of citation. */
export interface NumberedParagraph {
  /** The number as written. */
  number: number;
  /** The digits of the number in the source: what renumbering replaces. */
  numberSpan: Span;
  /** The whole paragraph (list item, or the fragment holding a stray number). */
  span: Span;
  form: ParagraphForm;
  /** For a legacy bullet, the `- ` (marker and spaces) the fix removes. */
  bulletSpan?: Span;
  /**
   * For a legacy bullet, and a stray number that is the marker of a list nested in its
   * fragment: where the numbered list item ends (it can end before the bullet or fragment
   * holding it: lines after it, less indented than its text, belong to the outer block
   * alone). A stray number without it is running text.
   */
  numberedEnd?: number;
  /** Index into ReportModel.sections of the innermost section holding it (-1: before any heading). */
  section: number;
  /** Numbering part (0 unless the profile lets numbering restart, e.g. the LSCB part). */
  part: number;
  /** Plain text of the paragraph, markers removed (first 300 characters). */
  text: string;
  /** Offset where the text proper starts (after the marker). */
  textStart: number;
}

/** A plain paragraph or bullet that sits between numbered paragraphs of one section. */
export interface Fragment {
  span: Span;
  kind: 'paragraph' | 'bullet';
  /** For a bullet, the marker and spaces before the text. */
  bulletSpan?: Span;
  /** Where the text proper starts. */
  textStart: number;
  /** Index of the numbered paragraph before it (model.paragraphs), and after it. */
  previous: number;
  next: number;
  /** Offset just after the last text of the block before it, when that block can be joined onto. */
  joinAfter?: number;
  /** Whether it holds a stray number (then it is also a paragraph of form 'stray'). */
  stray?: { number: number; span: Span };
  text: string;
}

/** `paragraph 12`, `paragraphs 12 and 14`, `paragraphs 12 to 15`, `paragraphs 12–15`. */
export interface CrossReference {
  span: Span;
  /** Each number written, with its digits' span; `range` marks the end of `12 to 15`. */
  numbers: { value: number; span: Span; range?: boolean }[];
  /** Whether it sits inside an HTML comment (`<!-- findings: 50, 53 -->`). */
  hidden?: boolean;
  /** Numbered paragraph it sits in (-1 if none). */
  inParagraph: number;
}

export interface Section {
  /** Heading text as written (inline markup kept). */
  title: string;
  /** Normalised heading text, as matched against the profile. */
  key: string;
  level: number;
  headingSpan: Span;
  /** From the heading to the next heading of the same or a higher level. */
  span: Span;
  role: SectionRole;
  /** Judgement area named by the heading, if any. */
  area?: string;
  /** The report part the section sits in (profile `parts`: SLAC safeguarding / looked after). */
  part?: string;
  parent: number;
  children: number[];
  /** Numbered paragraphs whose innermost section is this one. */
  paragraphs: number[];
}

export interface FrontMatter {
  span: Span;
  /** Parsed mapping, when it parsed. */
  data?: Record<string, unknown>;
  error?: { message: string; span: Span };
  /** Span of the value of `framework:` if present. */
  frameworkSpan?: Span;
  framework?: string;
}

export interface FrameworkChoice {
  profile: Profile;
  /** How the profile was chosen. */
  source: 'front-matter' | 'setting' | 'detected' | 'default';
  /** For detection: the score and the evidence phrases found. */
  evidence?: string[];
}

/** A GFM table, with the plain text of each cell and its span. */
export interface Table {
  span: Span;
  rows: { span: Span; cells: { text: string; span: Span }[] }[];
  section: number;
}

/** A plain prose block (paragraph, or a bullet item's first paragraph) outside numbered paragraphs. */
export interface ProseBlock {
  span: Span;
  text: string;
  section: number;
}

export interface ReportModel {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  framework: FrameworkChoice;
  sections: Section[];
  paragraphs: NumberedParagraph[];
  fragments: Fragment[];
  references: CrossReference[];
  tables: Table[];
  /** Grade summaries pasted as a list: `1. Area<TAB>Grade`. */
  gradeRows: GradeRow[];
  prose: ProseBlock[];
  /** Every place the report states a grade for a judgement area. */
  judgements: JudgementStatement[];
  /** Grade words that are not on the profile's scale, where a grade is stated. */
  unknownGrades: UnknownGrade[];
  /** Problems met while building the model (front matter, unknown framework…), as diagnostics. */
  problems: ModelProblem[];
}

export interface ModelProblem {
  code: string;
  message: string;
  span: Span;
  data?: unknown;
}

/** A line `Area<TAB>Grade` (a grade table flattened by PDF conversion). */
export interface GradeRow {
  span: Span;
  areaText: string;
  areaSpan: Span;
  gradeText: string;
  gradeSpan: Span;
}

export type StatementKind = 'table' | 'heading' | 'sentence';

/** "Leadership, management and governance require improvement": one area, one grade, one place. */
export interface JudgementStatement {
  area: string;
  /** Grade id of the profile's scale. */
  grade: string;
  /** The whole statement: table row, heading or sentence. */
  span: Span;
  /** The grade phrase as written (emphasis excluded): what a fix replaces. */
  gradeSpan: Span;
  gradeText: string;
  kind: StatementKind;
  section: number;
  /** In the summary (grade table at the top, summary sections, record of main findings). */
  summary: boolean;
}

export interface UnknownGrade {
  span: Span;
  text: string;
  area?: string;
}
