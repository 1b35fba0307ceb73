import type { ReportModel, Span } from '../model/types.js';
import { effectiveRole } from '../model/roles.js';
import { referenceTargets, type ReferenceTargets } from '../fixes/renumber.js';
import { abbreviationUses, definedAbbreviations, EXPANSION_REACH, expansionAt, tokensOfWord, words, type TokenOptions } from './tokens.js';
import { memo, remembered, unitAt, unitCache, unitsOfModel } from '../model/units.js';
import { countTerms, TermTable } from './terms.js';
import { detach } from '../text/detach.js';
import type { Vector } from './similarity.js';
import { TraceState, KEEP_THRESHOLD, type Entry, type Reader, type Reading } from './state.js';
import { stripHtmlComments } from '../text/normalise.js';
import { getPerModel, perModel, setPerModel } from '../model/perModel.js';
import { runAtOnce, runInSteps, STEP_BUDGET_MS } from '../util/inSteps.js';
import { TopLinks } from './topLinks.js';

/*
 * Traceability: which findings support each area for improvement. Explicit when the
 * improvement cites paragraphs; otherwise inferred by TF-IDF cosine similarity of stemmed
 * content words (abbreviations expanded), weighted towards findings of the improvement's own
 * judgement area. The method is written up in docs/traceability.md.
 */

/** Score at or above which an inferred finding supports an improvement. */
export const SUPPORT_THRESHOLD = 0.12;
/** Candidates below this (before or after the area weight) are not listed at all. */
const LIST_THRESHOLD = KEEP_THRESHOLD;
const MAX_CANDIDATES = 5;
/** Weight of a finding outside the improvement's area (or part): a preference, not a filter. */
const OTHER_AREA = 0.7;
const RELATED_AREA = 0.9;

export interface TraceUnit {
  /** Index into model.paragraphs, or -1 for a bullet. */
  paragraph: number;
  number?: number;
  span: Span;
  text: string;
  area?: string;
  part?: string;
  section: number;
}

export interface TraceLink {
  /** Index into model.paragraphs of the finding. */
  paragraph: number;
  number: number;
  score: number;
  explicit: boolean;
}

export interface Citation {
  number: number;
  span: Span;
  /** The paragraph cited, if it exists. */
  target?: number;
  /** Whether the target is a finding (body or summary). */
  isFinding: boolean;
}

export interface TracedImprovement extends TraceUnit {
  kind: 'improvement' | 'priority-action';
  findings: TraceLink[];
  summaryFindings: TraceLink[];
  citations: Citation[];
  /** Supported: an explicit citation of a finding, or an inferred one at or above the threshold. */
  supported: boolean;
}

export interface Trace {
  improvements: TracedImprovement[];
  findings: TraceUnit[];
  summaryFindings: (TraceUnit & { weakness: boolean })[];
  /** The TF-IDF vector of every unit, for scoring other pairs (summary weakness ↔ improvement). */
  vectors: Map<TraceUnit, Vector>;
  /** The text of a vector's term id ("assess", "strategy discuss"). */
  termName: (term: number) => string;
}

const TRACE = Symbol('trace');

/** The trace of a model, computed once (kept on the model: see model/perModel.ts for why not a WeakMap). */
export function traceOf(model: ReportModel): Trace {
  return perModel(model, TRACE, () => runAtOnce(tracing(model)));
}

/** The trace of a model if it was made already (by traceOf or prepareTrace). */
export function cachedTrace(model: ReportModel): Trace | undefined {
  return getPerModel<Trace>(model, TRACE);
}

/**
 * Computes the trace of `model` a step at a time (a paragraph read, a vector weighed, a row
 * scored, an improvement linked), handing control back with `await pause()` every few
 * milliseconds (util/inSteps.ts), and keeps it on the model for traceOf: the first trace of
 * a long report takes tens of milliseconds, and a server opening one keeps answering
 * meanwhile. Stops when `stale()` says so, or when the trace was made meanwhile.
 */
export async function prepareTrace(model: ReportModel, pause: () => Promise<void>, stale: () => boolean, budgetMs = STEP_BUDGET_MS): Promise<void> {
  const made = () => cachedTrace(model) !== undefined;
  const done = await runInSteps(tracing(model), pause, () => stale() || made(), budgetMs);
  if (done && !made()) setPerModel(model, TRACE, done.value);
}

function areaOf(model: ReportModel, section: number): string | undefined {
  for (let s = section; s >= 0; s = model.sections[s].parent) if (model.sections[s].area) return model.sections[s].area;
  return undefined;
}

function partOf(model: ReportModel, section: number): string | undefined {
  return section >= 0 ? model.sections[section].part : undefined;
}

/** The kind of improvement a paragraph of a section with this (effective) role is, if any. */
function improvementKind(role: string): 'improvement' | 'priority-action' | undefined {
  return role === 'improvements' ? 'improvement' : role === 'priority-action' ? 'priority-action' : undefined;
}

/**
 * An improvement, not yet linked. Written out field by field: built as an object spread with
 * fields after it, each took about 2.5 KB of heap (measured), on every keystroke.
 */
function improvement(u: TraceUnit, kind: TracedImprovement['kind']): TracedImprovement {
  return { paragraph: u.paragraph, number: u.number, span: u.span, text: u.text, area: u.area, part: u.part, section: u.section, kind, findings: [], summaryFindings: [], citations: [], supported: false };
}

/** The improvements and the candidates (findings, summary findings) of a model, not yet linked. */
function traceUnitsOf(model: ReportModel): Pick<Trace, 'improvements' | 'findings' | 'summaryFindings'> {
  // What each paragraph's section says, found once per section (index + 1: -1 is "none").
  const sections = sectionFacts(model);
  const units = (paragraph: number, span: Span, text: string, section: number, number?: number): TraceUnit => ({
    paragraph,
    number,
    span,
    text,
    section,
    area: sections[section + 1].area,
    part: sections[section + 1].part,
  });

  // Improvements: bullets in improvement sections where there are any (SLAC, ILACS);
  // otherwise the numbered paragraphs there (SIF). A numbered lead-in ("… should take the
  // following action.") above bulleted recommendations is not itself one.
  const bulletItems = model.prose.filter((p) => sections[p.section + 1].improvement && /^[ \t]*[-*+][ \t]/.test(model.text.slice(p.span.start, p.span.start + 8)));
  const bulletRoots = new Set(bulletItems.map((b) => sections[b.section + 1].improvementRoot));
  const improvements: TracedImprovement[] = [];
  model.paragraphs.forEach((p, i) => {
    const { improvement: kind, improvementRoot } = sections[p.section + 1];
    if (!kind || bulletRoots.has(improvementRoot)) return;
    improvements.push(improvement(units(i, p.span, textOf(model, p.span, p.textStart), p.section, p.number), kind));
  });
  for (const b of bulletItems) {
    const kind = sections[b.section + 1].improvement!;
    const textStart = model.text.slice(b.span.start).search(/[^-*+ \t]/) + b.span.start;
    improvements.push(improvement(units(-1, b.span, textOf(model, b.span, textStart), b.section), kind));
  }
  improvements.sort((a, b) => a.span.start - b.span.start);

  // Findings: numbered paragraphs under a judgement section; the summary's kept apart.
  const findings: TraceUnit[] = [];
  const summaryFindings: (TraceUnit & { weakness: boolean })[] = [];
  model.paragraphs.forEach((p, i) => {
    const role = sections[p.section + 1].role;
    if (role !== 'summary' && role !== 'strengths' && role !== 'judgement') return;
    const unit = units(i, p.span, textOf(model, p.span, p.textStart), p.section, p.number);
    if (role === 'judgement') findings.push(unit);
    else summaryFindings.push(Object.assign(unit, { weakness: role === 'summary' }));
  });
  return { improvements, findings, summaryFindings };
}

interface SectionFacts {
  role: string;
  area: string | undefined;
  part: string | undefined;
  improvement: TracedImprovement['kind'] | undefined;
  improvementRoot: number;
}

/** For each section, at index + 1 (index 0: no section), what the trace asks of it. */
function sectionFacts(model: ReportModel): SectionFacts[] {
  const out: SectionFacts[] = [];
  for (let s = -1; s < model.sections.length; s++) {
    const role = effectiveRole(model, s);
    out.push({ role, area: areaOf(model, s), part: partOf(model, s), improvement: improvementKind(role), improvementRoot: improvementRoot(model, s) });
  }
  return out;
}

/**
 * The trace, a step at a time. The kept state is the document's, and another version's
 * trace (a keystroke) may update it while this one is suspended: then this one starts again
 * (state.ts numbers its updates), so what it links is always its own version's scores.
 */
function* tracing(model: ReportModel): Generator<void, Trace> {
  restart: for (;;) {
    const { improvements, findings, summaryFindings } = traceUnitsOf(model);
    // Each a pass over the whole report: 1–5 ms apiece while a 750 KB report opens in a
    // server that has just started (measured), steps of their own.
    yield;
    const abbreviated = abbreviations(model);
    yield;

    // Similarities, from the state this document's previous version left (state.ts).
    const state = stateFor(model.uri, abbreviated);
    const candidates = [...findings, ...summaryFindings];
    const update = yield* state.steps(
      improvements.map((u) => u.text),
      candidates.map((u) => u.text),
    );
    if (state.updates !== update) continue restart;
    const vectors = new Map<TraceUnit, Vector>();
    for (const u of improvements) vectors.set(u, state.entry(u.text)!.vector!);
    // The candidates of each entry, by the entry's slot in the state's paragraph index (every
    // candidate text has one, and no two the same): linking looks them up once per score.
    const candidatesBySlot: Candidate[][] = [];
    candidates.forEach((u, i) => {
      const e = state.entry(u.text)!;
      vectors.set(u, e.vector!);
      (candidatesBySlot[e.slot] ??= []).push({ unit: u, finding: i < findings.length });
    });

    // Paragraph → finding, only wanted for the explicit citations of improvements: made when asked.
    let byParagraph: { findings: Set<number>; summary: Set<number> } | undefined;
    const paragraphsOf = () => (byParagraph ??= { findings: new Set(findings.map((f) => f.paragraph)), summary: new Set(summaryFindings.map((f) => f.paragraph)) });
    const linking: Linking = {
      model,
      row: (imp) => state.entry(imp.text)!.row!,
      candidatesBySlot,
      targets: referenceTargets(model),
      paragraphsOf,
      bySection: new Float64Array(model.sections.length + 1),
    };
    for (const imp of improvements) {
      link(imp, linking);
      yield;
      if (state.updates !== update) continue restart;
    }
    return { improvements, findings, summaryFindings, vectors, termName: (term) => state.termName(term) };
  }
}

/** What linking an improvement reads, made once per trace. */
interface Linking {
  model: ReportModel;
  /** The improvement's scores against candidate texts (state.ts). */
  row: (imp: TracedImprovement) => Map<Entry, number>;
  /** By an entry's slot (Entry.slot): the units with its text, and whether each is a body finding. */
  candidatesBySlot: Candidate[][];
  targets: ReferenceTargets;
  /** The paragraphs (indexes into model.paragraphs) that are findings, and summary findings. */
  paragraphsOf: () => { findings: Set<number>; summary: Set<number> };
  /** Area weights by candidate section + 1 (NaN: not yet weighed), for the improvement being linked. */
  bySection: Float64Array;
}

interface Candidate {
  unit: TraceUnit;
  /** A finding of the body (not of the summary). */
  finding: boolean;
}

/** Fills in an improvement's citations, its links (explicit first, then the best inferred) and whether it is supported. */
function link(imp: TracedImprovement, { model, row, candidatesBySlot, targets, paragraphsOf, bySection }: Linking): void {
  // Explicit citations: references inside the improvement.
  for (const ref of model.references) {
    if (ref.span.start < imp.span.start || ref.span.end > imp.span.end) continue;
    const { findings: findingParagraphs, summary: summaryParagraphs } = paragraphsOf();
    for (const n of ref.numbers) {
      const target = targets.resolve(n.value, ref.inParagraph);
      const isFinding = target !== undefined && (findingParagraphs.has(target) || summaryParagraphs.has(target));
      imp.citations.push({ number: n.value, span: n.span, target, isFinding });
      if (target !== undefined && findingParagraphs.has(target) && !imp.findings.some((l) => l.paragraph === target)) {
        imp.findings.push({ paragraph: target, number: model.paragraphs[target].number, score: 1, explicit: true });
      }
      if (target !== undefined && summaryParagraphs.has(target) && !imp.summaryFindings.some((l) => l.paragraph === target)) {
        imp.summaryFindings.push({ paragraph: target, number: model.paragraphs[target].number, score: 1, explicit: true });
      }
    }
  }
  // Inferred links: the best candidates scoring at least KEEP_THRESHOLD, weighted by area
  // (which depends only on the candidate's section), those linked explicitly left out.
  const takenFindings = imp.findings.length > 0 ? new Set(imp.findings.map((l) => l.paragraph)) : NONE_TAKEN;
  const takenSummary = imp.summaryFindings.length > 0 ? new Set(imp.summaryFindings.map((l) => l.paragraph)) : NONE_TAKEN;
  bySection.fill(NaN);
  topFindings.clear();
  topSummary.clear();
  // forEach, not for…of: no [key, value] array per entry (this runs on every keystroke, for
  // every score of every improvement: arrays here, not maps).
  row(imp).forEach((s, entry) => {
    const units = entry.slot >= 0 ? candidatesBySlot[entry.slot] : undefined;
    if (!units) return;
    for (let u = 0; u < units.length; u++) {
      const { unit: f, finding } = units[u];
      if ((finding ? takenFindings : takenSummary).has(f.paragraph)) continue;
      let w = bySection[f.section + 1];
      if (Number.isNaN(w)) w = bySection[f.section + 1] = areaWeight(model, imp, f);
      const score = round(s * w);
      if (score >= LIST_THRESHOLD) (finding ? topFindings : topSummary).offer(f.paragraph, f.number!, score);
    }
  });
  topFindings.appendTo(imp.findings);
  topSummary.appendTo(imp.summaryFindings);
  imp.supported = imp.findings.some((l) => l.explicit || l.score >= SUPPORT_THRESHOLD);
}

/** The best inferred links of the improvement being linked (reused: see topLinks.ts). */
const topFindings = new TopLinks(MAX_CANDIDATES);
const topSummary = new TopLinks(MAX_CANDIDATES);

const NONE_TAKEN: ReadonlySet<number> = new Set();

/** Findings of the improvement's own area weigh fully; its parent's or children's nearly so. */
export function areaWeight(model: ReportModel, imp: TraceUnit, f: TraceUnit): number {
  if (imp.part && f.part && imp.part !== f.part) return OTHER_AREA;
  if (!imp.area || !f.area || imp.area === f.area) return 1;
  const areas = model.framework.profile.judgements;
  const parent = (id: string) => areas.find((a) => a.id === id)?.parent;
  if (parent(imp.area) === f.area || parent(f.area) === imp.area || (parent(imp.area) && parent(imp.area) === parent(f.area))) return RELATED_AREA;
  return OTHER_AREA;
}

function improvementRoot(model: ReportModel, section: number): number {
  let root = section;
  for (let s = section; s >= 0; s = model.sections[s].parent) {
    if (model.sections[s].role === 'improvements' || model.sections[s].role === 'priority-action') root = s;
  }
  return root;
}

const TEXTS = unitCache<string>();

/**
 * A paragraph's or bullet's text from `start` (after its number or bullet) to its end, HTML
 * comments blanked. Remembered on its unit, so an unchanged paragraph gives the same string
 * from version to version: the trace state looks texts up by value, and a string's hash is
 * computed once and kept in it.
 */
function textOf(model: ReportModel, span: Span, start: number): string {
  const unit = unitAt(model, span);
  // Looked up before a closure for memo is made: this runs per paragraph per keystroke.
  return (
    remembered(TEXTS, unit, start - span.start, undefined) ??
    memo(TEXTS, unit, start - span.start, undefined, () => detach(stripHtmlComments(model.text.slice(start, span.end), ' ')))
  );
}

function abbreviations(model: ReportModel): Map<string, string> {
  const map = reportAbbreviations(model);
  for (const [k, v] of Object.entries(model.framework.profile.abbreviations ?? {})) if (!map.has(k)) map.set(k, v);
  return map;
}

/** Abbreviations are looked for in the first this many characters of a report. */
const ABBREVIATIONS_WITHIN = 500_000;
type Use = { index: number; abbr: string; expansion: string | undefined };
const USES = unitCache<Use[]>();
const NEAR_START = unitCache<(string | undefined)[]>();

/**
 * definedAbbreviations of the report's first ABBREVIATIONS_WITHIN characters, read unit by
 * unit: each unit's "(ABBR)" uses, and the expansions of those far enough from its start
 * that the words before them lie in the unit, are remembered on the unit (units.ts); the
 * expansions of the others, which read the text before the unit too, are remembered on the
 * unit with that text. So a keystroke reads one unit again, not the whole text. No use lies
 * between units (only white space does), and uses are taken in document order, so the
 * result is the same.
 */
export function reportAbbreviations(model: ReportModel): Map<string, string> {
  const list = unitsOfModel(model);
  const text = model.text;
  if (!list) return definedAbbreviations(text.length > ABBREVIATIONS_WITHIN ? text.slice(0, ABBREVIATIONS_WITHIN) : text);
  const found = new Map<string, string>();
  for (let i = 0; i < list.units.length; i++) {
    const unit = list.units[i];
    const start = list.starts[i];
    if (start >= ABBREVIATIONS_WITHIN) break;
    const end = Math.min(start + unit.span.end, ABBREVIATIONS_WITHIN);
    const whole = end === start + unit.span.end;
    // remembered() first: memo's closure would be made for every unit on every keystroke.
    const uses = whole
      ? (remembered(USES, unit, undefined, undefined) ?? memo(USES, unit, undefined, undefined, () => usesIn(text.slice(start, end))))
      : usesIn(text.slice(start, end));
    let near: (string | undefined)[] | undefined;
    for (let u = 0; u < uses.length; u++) {
      const use = uses[u];
      if (found.has(use.abbr)) continue;
      let expansion = use.expansion;
      if (use.index < EXPANSION_REACH) {
        if (!whole) expansion = expansionAt(text, start + use.index, use.abbr);
        else {
          // The text the expansions near the start read before the unit (a slice: no copy).
          const before = text.slice(Math.max(0, start - EXPANSION_REACH), start);
          near ??= remembered(NEAR_START, unit, before, undefined) ?? memo(NEAR_START, unit, detach(before), undefined, () => nearStart(before, text, start, uses));
          expansion = near[u];
        }
      }
      if (expansion) found.set(use.abbr, expansion);
    }
  }
  return found;
}

/** A unit's uses; the expansion of each whose words lie within the unit. */
function usesIn(unitText: string): Use[] {
  return abbreviationUses(unitText).map((u) => ({ ...u, expansion: u.index >= EXPANSION_REACH ? expansionAt(unitText, u.index, u.abbr) : undefined }));
}

/**
 * The expansions of a unit's uses near its start (the others left undefined), read in
 * `before` (the EXPANSION_REACH characters before the unit) followed by the unit: the same
 * characters expansionAt reads in the whole text.
 */
function nearStart(before: string, text: string, start: number, uses: Use[]): (string | undefined)[] {
  const joined = before + text.slice(start, start + EXPANSION_REACH);
  return uses.map((use) => (use.index < EXPANSION_REACH ? expansionAt(joined, before.length + use.index, use.abbr) : undefined));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Term counts of a text and of its sentences. A text's words are its sentences' words in
 * order (sentences split at white space), so both come from the same tokens; tokens.ts
 * remembers each distinct word's tokens, so reading a text again is cheap.
 */
class TokenReader implements Reader {
  readonly table = new TermTable();
  /** Each word as written → its stems' ids. */
  private readonly ids = new Map<string, number[]>();
  /**
   * The sentences of the text read last (with sentences) → their stems and (once asked for)
   * their counts, which nothing changes. A keystroke changes one sentence of a paragraph,
   * whose other sentences were read on the keystroke before. Only the last text's are kept:
   * a sentence kept longer (it was 256 of them) outlived young-generation collections, and the
   * typed sentence's versions, a new one per keystroke, filled the old generation with garbage
   * — a full collection every ~150 keystrokes of a 1× report, inside the keystrokes' time.
   */
  private lastSentences = new Map<string, SentenceRead>();
  private sentencesNow = new Map<string, SentenceRead>();
  constructor(private readonly options: TokenOptions) {}

  read(text: string, sentences: boolean): Reading {
    if (!sentences) return { counts: countTerms(this.stems(text), this.table) };
    const parts = splitSentences(text).map((s) => this.sentence(s));
    this.lastSentences = this.sentencesNow;
    this.sentencesNow = new Map();
    // The whole text's counts first, then the sentences': new word pairs get their ids in
    // that order, as when nothing was remembered.
    const counts = countTerms(parts.flatMap((p) => p.stems), this.table);
    return { counts, sentences: parts.map((p) => (p.counts ??= countTerms(p.stems, this.table))) };
  }

  private sentence(text: string): SentenceRead {
    let read = this.sentencesNow.get(text);
    if (read) return read;
    // Kept by a copy of its text: a slice would keep the whole document's text alive.
    read = this.lastSentences.get(text) ?? { text: detach(text), stems: this.stems(text) };
    this.sentencesNow.set(read.text, read);
    return read;
  }

  private stems(text: string): number[] {
    const out: number[] = [];
    for (const raw of words(text)) {
      let ids = this.ids.get(raw);
      if (!ids) {
        ids = tokensOfWord(raw, this.options).map((t) => this.table.stem(t));
        this.ids.set(detach(raw), ids);
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }
}

/** A sentence's stems, and its term counts once asked for. */
interface SentenceRead {
  text: string;
  stems: number[];
  counts?: Map<number, number>;
}

/** States of the documents traced last (a few: the documents being edited). */
const STATES_KEPT = 4;
const TERMS_KEPT = 2_000_000;
const states = new Map<string, { abbreviations: Map<string, string>; state: TraceState }>();

function stateFor(uri: string, abbreviations: Map<string, string>): TraceState {
  let s = states.get(uri);
  states.delete(uri);
  // A new state for new abbreviations (they change the words), and now and then for a long
  // session's worth of term ids (every half-typed word got one).
  if (!s || !sameEntries(s.abbreviations, abbreviations) || s.state.termCount > TERMS_KEPT) s = { abbreviations, state: new TraceState(new TokenReader({ abbreviations })) };
  states.set(uri, s);
  if (states.size > STATES_KEPT) states.delete(states.keys().next().value!);
  return s.state;
}

function sameEntries(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (b.get(k) !== a.get(k)) return false;
  return true;
}

/** Drops what was kept for a document (closed, or no longer a report). */
export function forgetTrace(uri: string): void {
  states.delete(uri);
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(])/).filter((s) => s.trim().length > 0);
}
