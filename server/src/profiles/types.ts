/**
 * A framework profile: everything the engine knows about one inspection framework.
 * Profiles are data (JSON validated by server/profiles/profile.schema.json); nothing in a
 * profile is ever executed. Phrases are plain text, matched case-insensitively after the
 * normalisation in `normalise.ts` (emphasis, footnote marks, trailing punctuation removed).
 */
export interface Profile {
  /**
   * Added (optional): the JSON Schema a profile file names for editors
   * ("./profile.schema.json"). Allowed so user profiles can carry it; the engine ignores it.
   */
  $schema?: string;
  /** Stable id used in front matter (`framework: ofsted-sif-2013`) and settings. */
  id: string;
  title: string;
  /** Where the facts come from (URLs or document titles), shown in docs. */
  sources?: string[];
  /** Ordered best first. */
  grades: GradeDef[];
  judgements: JudgementArea[];
  /**
   * Added (optional): named parts of a report that group judgement areas, e.g. SLAC's
   * "Safeguarding services" and "Services for looked after children", which grade areas of
   * the same name ("Overall effectiveness", "Quality of provision") once each. A heading whose
   * normalised text equals a part's name or an alias starts that part; inside a part, an area
   * of that part wins over a same-named area of another part.
   */
  parts?: PartDef[];
  /** Heading phrases that give a section its role. */
  sections: SectionNames;
  numbering?: NumberingRules;
  rules?: JudgementRule[];
  /** Standard sentences that belong to one grade only (judgement/wording). */
  wording?: WordingRule[];
  /** Abbreviation -> expansion, e.g. "CSE": "child sexual exploitation". */
  abbreviations?: Record<string, string>;
  /** Words whose presence suggests this framework when no front matter names one. */
  detection?: DetectionHints;
  /** "judgement" or "judgment": the spelling the framework uses. */
  spelling?: { judgement?: 'judgement' | 'judgment' };
}

/** Added: one part of a report (see `Profile.parts`). */
export interface PartDef {
  /** Stable id, referred to by `JudgementArea.part`, e.g. "safeguarding", "lscb". */
  id: string;
  /** Canonical heading, e.g. "Services for looked after children". */
  name: string;
  /** Other headings that start the part (any case; matched like `name`: whole heading). */
  aliases?: string[];
}

export interface GradeDef {
  /** Stable id, e.g. "good", "requires-improvement". */
  id: string;
  /** Display label, e.g. "Requires improvement to be good". */
  label: string;
  /** 1 = best. */
  rank: number;
  /**
   * Every phrasing a report uses for this grade, lower case, as it appears after a subject:
   * "requires improvement", "require improvement", "requires improvement to be good",
   * "grade 3 (adequate)", "grade 3", "adequate". Longest phrasing wins when several match.
   */
  phrases: string[];
  /** Form after a plural subject where it differs ("require improvement"). */
  pluralForm?: string;
  /** Form after a singular subject ("requires improvement"); defaults to label lower-cased. */
  singularForm?: string;
  /** The SLAC heading style: "Grade 2 (good)". */
  headingForm?: string;
  /** The framework's published description of the grade (hover text). */
  description?: string;
}

export interface JudgementArea {
  /** Stable id, e.g. "help-and-protection". */
  id: string;
  /** Canonical name, as the framework writes it. */
  name: string;
  /** Other names reports use; matched like `name`. */
  aliases?: string[];
  /** Parent area id (e.g. adoption performance under children looked after). */
  parent?: string;
  /** Whether a report must grade it in the summary table / discuss it in a body section. */
  requiredInSummary?: boolean;
  requiredInBody?: boolean;
  /** Grammatical number of the usual subject, for fixes: "require improvement" vs "requires". */
  plural?: boolean;
  /** A part of the report this area belongs to (e.g. "lscb"), for grouping and restarts. */
  part?: string;
}

export type SectionRole =
  | 'summary'
  | 'strengths'
  | 'priority-action'
  | 'improvements'
  | 'judgement'
  | 'other';

/** Heading phrases per role. A heading matches when its normalised text contains a phrase. */
export interface SectionNames {
  summary?: string[];
  strengths?: string[];
  'priority-action'?: string[];
  improvements?: string[];
  /** Headings that are never judgement sections even if they name an area ("What the inspection judgements mean"). */
  other?: string[];
}

export interface NumberingRules {
  /**
   * Heading phrases after which paragraph numbering may restart at 1 (e.g. the LSCB part of
   * a SIF report). A restart anywhere else is `numbering/order`.
   */
  restartAfter?: string[];
}

export interface JudgementRule {
  id: string;
  /** Human-readable statement of the rule, used in the diagnostic message. */
  description: string;
  /** Where the rule comes from (framework handbook paragraph, or "empirical: N reports"). */
  source: string;
  /** What the rule checks: see the engine's rule evaluator for the semantics of each kind. */
  kind: 'if-any-then' | 'not-better-than' | 'not-worse-than-all' | 'not-better-than-all' | 'requires-at-least';
  /** Area ids the rule reads. */
  areas: string[];
  /** The area the rule constrains. */
  target: string;
  /** Grade ids used by the rule kind (e.g. if any of `areas` is "inadequate" then target is "inadequate"). */
  when?: string[];
  then?: string[];
}

export interface WordingRule {
  id: string;
  /** Phrase (lower case) that signals a grade when it appears in a judgement section or after a grade statement. */
  phrase: string;
  /** Grades the phrase is compatible with. */
  grades: string[];
  /** Optional area the phrase is about (e.g. "lscb"); otherwise any area / overall. */
  area?: string;
  source?: string;
}

export interface DetectionHints {
  /** Phrases (lower case) whose presence is strong evidence for this framework. */
  phrases?: string[];
}
