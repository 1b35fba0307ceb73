import type { Profile } from '../profiles/types.js';
import type { JudgementStatement, ReportModel, Span, StatementKind } from './types.js';
import { normaliseHeading } from '../text/normalise.js';
import { matchArea, matcherFor } from './sections.js';
import { effectiveRole } from './roles.js';
import { gradeMatcher, gradeOf, mask, alternation, VOCABULARY_PATTERN } from './phrases.js';
import { memo, unitAt, unitCache } from './units.js';
import { detach } from '../text/detach.js';

/*
 * Judgement statements: every place a report gives a judgement area a grade. Found in
 * tables (a row with an area cell and a grade cell), pasted grade lists, headings that name
 * an area and end with a grade, and sentences whose subject is an area ("The effectiveness
 * of the LSCB is requires improvement"); in a judgement section whose heading has no grade,
 * in the first sentence of its first paragraph.
 */

/** What may follow a grade at the end of a statement: punctuation, the end, or a joining word. */
const AFTER_GRADE = /^(?:\s*(?:[.,;:)\]]|$)|\s+(?:and|but|because|overall|in\s+\w+|\(|-))/i;
const SENTENCE_END = /[.!?](?=\s+[A-Z"'(]|\s*$)/g;
/** Verb phrases between a subject and its grade. */
const COPULA = /(?:^|\s)(?:is|are|remains|remain)(?:\s+judged)?(?:\s+to\s+be)?(?:\s+that\s+(?:it|they|children's\s+services)(?:\s+(?:is|are))?)?\s*$/i;

/** "Previous Ofsted inspections": grades quoted from an earlier inspection are not this report's. */
const HISTORY_HEADING = /\b(?:previous|other|earlier|last)\s+(?:ofsted\s+)?inspections?\b/;

/** For each section, whether it or a section around it is about earlier inspections. */
function historySections(model: ReportModel): boolean[] {
  const out: boolean[] = [];
  // Parents come before their children.
  model.sections.forEach((s, i) => (out[i] = HISTORY_HEADING.test(s.key) || (s.parent >= 0 && out[s.parent])));
  return out;
}

const TABLE_KEYS = unitCache<string[][]>();

/** Judgement sections read between two yields of judgementSteps. */
const SECTIONS_PER_STEP = 25;

/**
 * The judgement statements of a model, found a part at a time (tables, pasted grade lists,
 * headings, prose), yielding between them (util/inSteps.ts): on a long report opened in a
 * server that has just started, all of it was one block of ~9 ms.
 */
export function* judgementSteps(model: ReportModel): Generator<void, void> {
  const profile = model.framework.profile;
  const history = historySections(model);
  const bodyStart = firstBodySection(model, profile);
  const isSummary = (span: Span, section: number) =>
    span.start < bodyStart || effectiveRole(model, section) === 'summary';
  const add = (area: string, grade: string, span: Span, gradeSpan: Span, kind: StatementKind, section: number) => {
    model.judgements.push({
      area,
      grade,
      span,
      gradeSpan,
      gradeText: model.text.slice(gradeSpan.start, gradeSpan.end),
      kind,
      section,
      summary: isSummary(span, section),
    });
  };

  // Tables, with part rows ("Safeguarding services") setting the part for the rows below.
  for (const table of model.tables) {
    if (table.section >= 0 && history[table.section]) continue;
    let part = table.section >= 0 ? model.sections[table.section].part : undefined;
    const sectionArea = table.section >= 0 ? model.sections[table.section].area : undefined;
    // The cells normalised, remembered on the table's unit (its text decides them).
    const tableKeys = memo(TABLE_KEYS, unitAt(model, table.span), undefined, undefined, () => table.rows.map((row) => row.cells.map((c) => normaliseHeading(c.text))));
    table.rows.forEach((row, r) => {
      const keys = tableKeys[r];
      const partRow = matcherFor(profile).parts.find((p) => p.phrases.includes(keys[0]));
      if (partRow && keys.slice(1).every((k) => k === '')) {
        part = partRow.id;
        return;
      }
      let area: string | undefined;
      let areaCell = -1;
      for (let i = 0; i < keys.length && !area; i++) {
        area = matchArea(keys[i], profile, part);
        if (area) areaCell = i;
      }
      for (let i = 0; i < row.cells.length; i++) {
        if (i === areaCell) continue;
        const cell = row.cells[i];
        const grade = gradeOf(profile, keys[i]) ?? gradeOf(profile, cell.text);
        // A body table without an area cell ("Judgement grade | Good") grades its section's area.
        const target = area ?? (r > 0 && sectionArea && keys.length <= 3 ? sectionArea : undefined);
        if (grade && target) {
          add(target, grade, row.span, trimSpan(model.text, cell.span), 'table', table.section);
          break;
        }
        if (!grade && (area ?? target) && isVocabulary(keys[i])) {
          model.unknownGrades.push({ span: trimSpan(model.text, cell.span), text: cell.text.trim(), area: area ?? target });
        }
      }
    });
  }

  yield;
  // Grade summaries pasted as lists.
  for (const row of model.gradeRows) {
    const area = matchArea(normaliseHeading(row.areaText), profile, undefined);
    const grade = gradeOf(profile, row.gradeText);
    const section = sectionAt(model, row.span.start);
    if (area && grade) add(area, grade, row.span, row.gradeSpan, 'table', section);
  }

  yield;
  // Headings, then the first sentence of judgement sections whose heading has no grade.
  let firsts: (Span | undefined)[] | undefined;
  for (let s = 0; s < model.sections.length; s++) {
    if (s % SECTIONS_PER_STEP === SECTIONS_PER_STEP - 1) yield;
    const section = model.sections[s];
    if (!section.area) continue;
    const head = section.headingSpan;
    // Cached on the heading's unit, offsets relative to its start.
    const rel = memo(headingCache, unitAt(model, head), profile, section.part, () =>
      relative(gradeAfterArea(model.text, profile, head, section.part), head.start),
    );
    const found = rel && { ...rel, gradeSpan: shift(rel.gradeSpan, head.start) };
    if (found?.grade) {
      add(section.area, found.grade, head, found.gradeSpan, 'heading', s);
      continue;
    }
    if (found?.unknown) model.unknownGrades.push({ span: found.gradeSpan, text: found.unknown, area: section.area });
    firsts ??= firstBlocks(model);
    const first = firsts[s];
    if (!first) continue;
    const sentence = firstSentence(model.text, first);
    const g = gradeInPredicate(model.text, profile, sentence);
    if (g) add(section.area, g.grade, sentence, g.gradeSpan, 'sentence', s);
  }

  yield;
  // Sentences whose subject is an area, in prose outside numbered paragraphs.
  for (const block of model.prose) {
    if (block.section >= 0 && history[block.section]) continue;
    const part = block.section >= 0 ? model.sections[block.section].part : undefined;
    const at = block.span.start;
    const found = memo(proseCache, unitAt(model, block.span), profile, part, () => {
      const out: ProseStatement[] = [];
      for (const sentence of sentences(model.text, block.span)) {
        const st = subjectStatement(model.text, profile, sentence, part);
        if (st) out.push({ area: st.area, grade: st.grade, sentence: shift(sentence, -at), gradeSpan: shift(st.gradeSpan, -at) });
      }
      return out;
    });
    for (const st of found) {
      const gradeStart = st.gradeSpan.start + at;
      if (!model.judgements.some((j) => j.gradeSpan.start === gradeStart)) {
        add(st.area, st.grade, shift(st.sentence, at), shift(st.gradeSpan, at), 'sentence', block.section);
      }
    }
  }
  model.judgements.sort((a, b) => a.span.start - b.span.start);
}

interface ProseStatement {
  area: string;
  grade: string;
  sentence: Span;
  gradeSpan: Span;
}

type HeadingGrade = ReturnType<typeof gradeAfterArea>;

/** What a heading and a prose block state, per unit (see units.ts): most blocks are unchanged from one version to the next. */
const headingCache = unitCache<HeadingGrade>();
const proseCache = unitCache<ProseStatement[]>();

function shift(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

function relative(found: HeadingGrade, origin: number): HeadingGrade {
  return found && { ...found, gradeSpan: shift(found.gradeSpan, -origin) };
}

/** Where the body starts: the first judgement section of an area graded in the body. */
function firstBodySection(model: ReportModel, profile: Profile): number {
  for (const s of model.sections) {
    if (s.role !== 'judgement' || !s.area) continue;
    const area = profile.judgements.find((a) => a.id === s.area);
    if (area?.requiredInBody) return s.headingSpan.start;
  }
  return model.text.length;
}

function sectionAt(model: ReportModel, offset: number): number {
  let found = -1;
  model.sections.forEach((s, i) => {
    if (s.headingSpan.start <= offset) found = i;
  });
  return found;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s|*_]/.test(text[start])) start++;
  while (end > start && /[\s|*_]/.test(text[end - 1])) end--;
  return { start, end };
}

function isVocabulary(key: string): boolean {
  VOCABULARY_PATTERN.lastIndex = 0;
  const m = VOCABULARY_PATTERN.exec(key);
  return !!m && m[0].length === key.length;
}

const areaRegexCache = new WeakMap<Profile, Map<string, RegExp>>();

/** Regex for one area's names and aliases, in masked text. */
function areaRegex(profile: Profile, area: string): RegExp {
  let byArea = areaRegexCache.get(profile);
  if (!byArea) areaRegexCache.set(profile, (byArea = new Map()));
  let re = byArea.get(area);
  if (!re) {
    const def = profile.judgements.find((a) => a.id === area)!;
    const names = [def.name, ...(def.aliases ?? [])].map((n) => n.replace(/[\u2018\u2019]/g, "'"));
    re = new RegExp(`(?<![\\w-])(?:${alternation(names)})(?![\\w-])`, 'gi');
    byArea.set(area, re);
  }
  return re;
}

/** In a heading: the last grade phrase after the area's name. */
function gradeAfterArea(text: string, profile: Profile, span: Span, part: string | undefined) {
  const source = mask(text.slice(span.start, span.end));
  const area = matchArea(normaliseHeading(text.slice(span.start, span.end)), profile, part);
  let from = 0;
  if (area) {
    const re = areaRegex(profile, area);
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) from = Math.max(from, m.index + m[0].length);
  }
  const tail = source.slice(from);
  const grades = gradeMatcher(profile).grade;
  grades.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = grades.exec(tail); m; m = grades.exec(tail)) last = m;
  if (last) {
    const at = span.start + from + last.index;
    return { grade: gradeOf(profile, last[1]), gradeSpan: { start: at, end: at + last[1].length }, unknown: undefined };
  }
  VOCABULARY_PATTERN.lastIndex = 0;
  let word: RegExpExecArray | null = null;
  for (let m = VOCABULARY_PATTERN.exec(tail); m; m = VOCABULARY_PATTERN.exec(tail)) word = m;
  // Only a grade word that ends the heading is a grade ("… Grade 3 (adequate)", ": adequate").
  if (word && /^[\s).:]*$/.test(tail.slice(word.index + word[0].length))) {
    const at = span.start + from + word.index;
    // Detached: the result is cached on the heading's unit.
    return { grade: undefined, gradeSpan: { start: at, end: at + word[0].length }, unknown: detach(word[0]) };
  }
  return undefined;
}

/** For each section, the first numbered paragraph (its text) or prose block directly in it. */
function firstBlocks(model: ReportModel): (Span | undefined)[] {
  const best: (Span | undefined)[] = new Array(model.sections.length).fill(undefined);
  const consider = (span: Span, section: number) => {
    if (section < 0) return;
    const b = best[section];
    if (!b || span.start < b.start) best[section] = span;
  };
  for (const p of model.paragraphs) consider({ start: p.textStart, end: p.span.end }, p.section);
  for (const p of model.prose) consider(p.span, p.section);
  return best;
}

function firstSentence(text: string, span: Span): Span {
  return sentences(text, span)[0] ?? span;
}

function sentences(text: string, span: Span): Span[] {
  const source = text.slice(span.start, span.end);
  const out: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(source); m; m = SENTENCE_END.exec(source)) {
    out.push({ start: span.start + start, end: span.start + m.index + 1 });
    start = m.index + 1;
    while (start < source.length && /\s/.test(source[start])) start++;
  }
  if (start < source.length && source.slice(start).trim()) out.push({ start: span.start + start, end: span.end });
  return out;
}

/**
 * Whether a plain paragraph's text would be read as a judgement statement: its first sentence
 * has a graded predicate (as a judgement section's first paragraph is read), or a sentence's
 * subject is an area with a graded predicate. The importer leaves such a paragraph on its own.
 */
export function statesGrade(text: string, profile: Profile): boolean {
  const all = { start: 0, end: text.length };
  if (gradeInPredicate(text, profile, firstSentence(text, all))) return true;
  return sentences(text, all).some((s) => subjectStatement(text, profile, s, undefined) !== undefined);
}

/** "… is good.", "… require improvement.", "… is that it requires improvement to be good". */
function gradeInPredicate(text: string, profile: Profile, sentence: Span) {
  const source = mask(text.slice(sentence.start, sentence.end));
  const grades = gradeMatcher(profile).grade;
  grades.lastIndex = 0;
  for (let m = grades.exec(source); m; m = grades.exec(source)) {
    const grade = gradeOf(profile, m[1])!;
    const before = source.slice(Math.max(0, m.index - 60), m.index);
    const verbal = /^requires?\s/i.test(m[1]);
    if (!(COPULA.test(before) || (verbal && /\S\s*$/.test(before)))) continue;
    if (!AFTER_GRADE.test(source.slice(m.index + m[1].length))) continue;
    const at = sentence.start + m.index;
    return { grade, gradeSpan: { start: at, end: at + m[1].length } };
  }
  return undefined;
}

/** A sentence whose subject (within its first words) names an area, with a graded predicate. */
function subjectStatement(text: string, profile: Profile, sentence: Span, part: string | undefined) {
  const source = mask(text.slice(sentence.start, sentence.end));
  const head = source.slice(0, 200);
  for (const a of profile.judgements) {
    const re = areaRegex(profile, a.id);
    re.lastIndex = 0;
    const m = re.exec(head);
    // The area must open the sentence (after "The" at most).
    if (!m || !/^\s*(?:the\s+)?$/i.test(head.slice(0, m.index))) continue;
    const area = matchArea(normaliseHeading(m[0]), profile, part) ?? a.id;
    const rest = { start: sentence.start + m.index + m[0].length, end: sentence.end };
    const words = text.slice(rest.start, rest.end).split(/\s+/).length;
    if (words > 40) continue;
    const g = gradeInPredicate(text, profile, rest);
    if (!g) continue;
    // At most a dozen words between the subject and its verb.
    const between = mask(text.slice(rest.start, g.gradeSpan.start)).trim().split(/\s+/).filter(Boolean);
    if (between.length > 14) continue;
    return { area, ...g };
  }
  return undefined;
}

export type { JudgementStatement };
