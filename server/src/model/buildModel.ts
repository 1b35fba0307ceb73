import type { ProfileRegistry } from '../profiles/registry.js';
import { DEFAULT_PROFILE_ID } from '../profiles/registry.js';
import type {
  CrossReference,
  FrameworkChoice,
  Fragment,
  FrontMatter,
  GradeRow,
  ModelProblem,
  NumberedParagraph,
  ProseBlock,
  ReportModel,
  Section,
  Span,
  Table,
} from './types.js';
import type { BlockFacts, ItemFacts } from './blocks.js';
import { parseDocument, type ParsedDocument } from './incremental.js';
import { readFrontMatter } from './frontMatter.js';
import { classifyHeading, isRestartHeading, type HeadingClass } from './sections.js';
import { detectFramework, detectionPhrases } from './detectFramework.js';
import { findStrays } from './strays.js';
import { gradeRowsOf } from './gradeRows.js';
import { judgementSteps } from './judgements.js';
import { memo, setUnits, unitAt, unitCache } from './units.js';
import { runAtOnce } from '../util/inSteps.js';

export interface BuildOptions {
  registry: ProfileRegistry;
  /** A framework id that overrides front matter and detection (CLI --framework, setting). */
  frameworkOverride?: string;
}

/** Parse and analyse a whole document. */
export function buildModel(uri: string, version: number, text: string, options: BuildOptions): ReportModel {
  return modelFromDocument(uri, version, parseDocument(text), options);
}

/**
 * The model of a parsed document (see incremental.ts: an edited document is re-parsed only
 * where it changed, then assembled here like a fresh one).
 */
export function modelFromDocument(uri: string, version: number, doc: ParsedDocument, options: BuildOptions): ReportModel {
  return runAtOnce(modelSteps(uri, version, doc, options));
}

/** modelFromDocument a stretch of units at a time: yields between them (util/inSteps.ts). */
export function* modelSteps(uri: string, version: number, doc: ParsedDocument, options: BuildOptions): Generator<void, ReportModel> {
  const model = yield* assembling(uri, version, doc, options);
  if (doc.tooComplex) {
    model.problems.push({
      code: 'document/too-complex',
      message: 'Markup nested thousands deep: emphasis, links and code were ignored when reading this report.',
      span: { start: 0, end: model.lines.lineContentEnd(0) },
    });
  }
  return model;
}

/**
 * Build the model from a document's units: a linear scan, cheap enough to redo on every
 * edit. Unit facts hold offsets relative to the unit's start: every span put in the model is
 * a new object, made absolute here (the facts are shared with the next version's document).
 * What costs more than a copy (heading classes, grade rows, front matter) is cached on the
 * unit's facts object, which stays the same while the unit is unchanged.
 */
function* assembling(uri: string, version: number, doc: ParsedDocument, options: BuildOptions): Generator<void, ReportModel> {
  const { text, units, starts } = doc;
  const problems: ModelProblem[] = [];
  let frontMatter: FrontMatter | undefined;
  const first = units[0];
  if (first?.kind === 'front-matter') {
    frontMatter = frontMatterOf(first, starts[0]);
    if (frontMatter.error) problems.push({ code: 'frontmatter/invalid', message: frontMatter.error.message, span: frontMatter.error.span });
  }
  const framework = chooseFramework(doc, frontMatter, options, problems);
  const profile = framework.profile;

  const sections: Section[] = [];
  const paragraphs: NumberedParagraph[] = [];
  const candidates: Fragment[] = [];
  // Candidates before the first numbered paragraph of their section.
  const leading = new Set<Fragment>();
  const gradeRows: GradeRow[] = [];
  const references: CrossReference[] = [];
  const tables: Table[] = [];
  const prose: ProseBlock[] = [];

  let current = -1; // innermost section
  let part = 0;
  let partName: string | undefined;
  let restartPending = false;
  // Numbered paragraph before the candidates now pending, in the current section.
  let lastInSection = -1;
  let pending: Fragment[] = [];
  // Bullets right after a text ending in ':' are that text's list, not fragments.
  let listIntro = false;
  let previousJoinEnd: number | undefined;
  // Open sections, innermost last (levels strictly increasing): a section's span ends where
  // the next heading of the same or a higher level starts.
  const open: number[] = [];

  const flushPending = (next: number) => {
    for (const c of pending) {
      c.next = next;
      candidates.push(c);
    }
    pending = [];
  };

  for (let u = 0; u < units.length; u++) {
    if (u % UNITS_PER_STEP === UNITS_PER_STEP - 1) yield;
    const block = units[u];
    const at = starts[u];
    switch (block.kind) {
      case 'heading': {
        pending = [];
        lastInSection = -1;
        listIntro = false;
        previousJoinEnd = undefined;
        const { cls, restart } = memo(headingClasses, block, profile, partName, () => ({
          cls: classifyHeading(block.key, profile, partName),
          restart: isRestartHeading(block.key, profile),
        }));
        if (cls.part) partName = cls.part;
        const headingSpan = shifted(block.span, at);
        while (open.length && sections[open[open.length - 1]].level >= block.level) sections[open.pop()!].span.end = headingSpan.start;
        let parent = current;
        while (parent >= 0 && sections[parent].level >= block.level) parent = sections[parent].parent;
        const index = sections.length;
        sections.push({
          title: block.title,
          key: block.key,
          level: block.level,
          headingSpan,
          span: { start: headingSpan.start, end: text.length },
          role: cls.role,
          area: cls.area,
          part: partName,
          parent,
          children: [],
          paragraphs: [],
        });
        open.push(index);
        if (parent >= 0) sections[parent].children.push(index);
        current = index;
        if (restart) restartPending = true;
        pushReferences(block.refs, at, references);
        break;
      }
      case 'item': {
        const item = block.item;
        const span = shifted(item.span, at);
        if (item.kind === 'bullet') {
          if (!listIntro) {
            const candidate: Fragment = {
              span,
              kind: 'bullet',
              bulletSpan: shifted(item.bulletSpan!, at),
              textStart: at + item.textStart,
              previous: lastInSection >= 0 ? lastInSection : paragraphs.length - 1,
              next: -1,
              joinAfter: previousJoinEnd,
              text: item.text,
            };
            pending.push(candidate);
            if (lastInSection < 0) leading.add(candidate);
          }
          prose.push({ span, text: item.text, section: current });
          pushReferences(item.refs, at, references);
        } else if (item.kind === 'ordered' && gradeRowsOf(block, text, at, profile, gradeRows)) {
          // "1. Children who need help and protection<TAB>Requires improvement": a grade
          // summary pasted as a list, not a numbered paragraph.
          prose.push({ span, text: item.text, section: current });
        } else {
          const number = item.number!;
          if (restartPending && number === 1 && paragraphs.length > 0) part++;
          restartPending = false;
          const index = paragraphs.length;
          flushPending(index);
          paragraphs.push({
            number,
            numberSpan: shifted(item.numberSpan!, at),
            span,
            form: item.kind === 'legacy-bullet' ? 'legacy-bullet' : 'ordered',
            bulletSpan: item.bulletSpan && shifted(item.bulletSpan, at),
            ...numberedEndOf(item, item.numberSpan!.start, at),
            section: current,
            part,
            text: item.text,
            textStart: at + item.textStart,
          });
          pushReferences(item.refs, at, references);
          lastInSection = index;
          listIntro = item.text.trimEnd().endsWith(':');
        }
        previousJoinEnd = item.joinEnd === undefined ? undefined : at + item.joinEnd;
        break;
      }
      case 'paragraph': {
        listIntro = block.text.trimEnd().endsWith(':');
        const span = shifted(block.span, at);
        const candidate: Fragment = {
          span,
          kind: 'paragraph',
          textStart: at + block.textStart,
          previous: lastInSection >= 0 ? lastInSection : paragraphs.length - 1,
          next: -1,
          joinAfter: previousJoinEnd,
          text: block.text,
        };
        pending.push(candidate);
        if (lastInSection < 0) leading.add(candidate);
        prose.push({ span, text: block.text, section: current });
        pushReferences(block.refs, at, references);
        previousJoinEnd = at + block.joinEnd;
        break;
      }
      case 'table':
        tables.push({
          span: shifted(block.span, at),
          rows: block.rows.map((r) => ({ span: shifted(r.span, at), cells: r.cells.map((c) => ({ text: c.text, span: shifted(c.span, at) })) })),
          section: current,
        });
        pushReferences(block.refs, at, references);
        previousJoinEnd = undefined;
        break;
      case 'other':
        pushReferences(block.refs, at, references);
        previousJoinEnd = undefined;
        break;
      case 'front-matter':
        break;
    }
  }

  yield;
  // Fragments are candidates with a numbered paragraph on both sides in the same section.
  // Candidates at the start of a section (before its first numbered paragraph) are kept
  // only if they hold a stray number: a section's first paragraph can lose its number too.
  const inRun = candidates.filter(
    (c) => c.previous >= 0 && c.next >= 0 && (leading.has(c) || paragraphs[c.previous].section === paragraphs[c.next].section),
  );
  const withStrays = findStrays(text, paragraphs, inRun);
  const fragments = inRun.filter((c) => !leading.has(c) || c.stray);

  // A stray number's paragraph is in the section its fragment sits in (the innermost is the
  // one with the last heading before it), not the section of the numbered paragraph before
  // the fragment: a section's first paragraph can follow a heading.
  let s = -1;
  for (const p of withStrays) {
    if (p.form !== 'stray') continue;
    while (s + 1 < sections.length && sections[s + 1].headingSpan.start <= p.span.start) s++;
    if (s >= 0 && sections[s].headingSpan.start > p.span.start) s = -1;
    p.section = s;
  }
  withStrays.forEach((p, index) => {
    if (p.section >= 0) sections[p.section].paragraphs.push(index);
  });
  attributeReferences(references, withStrays);

  const model: ReportModel = {
    uri,
    version,
    text,
    lines: doc.lines,
    frontMatter,
    framework,
    sections,
    paragraphs: withStrays,
    fragments,
    gradeRows,
    references,
    tables,
    prose,
    problems,
    judgements: [],
    unknownGrades: [],
  };
  setUnits(model, doc);
  // A stray number that is the marker of a list nested in its fragment (a unit of its own).
  for (const p of withStrays) {
    const unit = p.form === 'stray' ? unitAt(model, p.span) : undefined;
    if (unit?.kind === 'item') Object.assign(p, numberedEndOf(unit.item, p.numberSpan.start - p.span.start, p.span.start));
  }
  yield;
  yield* judgementSteps(model);
  return model;
}

/** Units assembled between two yields of `assembling`. */
const UNITS_PER_STEP = 50;

/** A heading's class, and whether numbering may restart after it, per heading unit. */
const headingClasses = unitCache<{ cls: HeadingClass; restart: boolean }>();

function shifted(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

/** A unit's references, made absolute (new objects: `inParagraph` is set on them later). */
function pushReferences(refs: CrossReference[], at: number, out: CrossReference[]): void {
  for (const r of refs) {
    out.push({ ...r, span: shifted(r.span, at), numbers: r.numbers.map((n) => ({ ...n, span: shifted(n.span, at) })) });
  }
}

/**
 * `{ numberedEnd }` (absolute) when an ordered item whose marker starts at `marker` (relative
 * to the unit at `at`) is nested in the unit (blocks.ts nestedItems); otherwise nothing.
 */
function numberedEndOf(item: ItemFacts, marker: number, at: number): { numberedEnd?: number } {
  const nested = item.nestedItems?.find((e) => e.at === marker);
  return nested ? { numberedEnd: at + nested.end } : {};
}

/**
 * Front matter is read once per front matter unit (YAML parsing is not cheap); models of
 * versions that share the unit share the (never modified) result.
 */
const frontMatterCache = new WeakMap<BlockFacts, { at: number; value: FrontMatter }>();

function frontMatterOf(unit: Extract<BlockFacts, { kind: 'front-matter' }>, at: number): FrontMatter {
  const hit = frontMatterCache.get(unit);
  if (hit && hit.at === at) return hit.value;
  const value = readFrontMatter(shifted(unit.span, at), unit.value, at + unit.valueStart);
  frontMatterCache.set(unit, { at, value });
  return value;
}

function chooseFramework(
  doc: ParsedDocument,
  frontMatter: FrontMatter | undefined,
  options: BuildOptions,
  problems: ModelProblem[],
): FrameworkChoice {
  const { registry } = options;
  if (options.frameworkOverride) {
    const p = registry.get(options.frameworkOverride);
    if (p) return { profile: p, source: 'setting' };
  }
  if (frontMatter?.framework !== undefined) {
    const p = registry.get(frontMatter.framework);
    if (p) return { profile: p, source: 'front-matter' };
    problems.push({
      code: 'framework/unknown',
      message: `Unknown framework "${frontMatter.framework}". Known frameworks: ${registry.ids.join(', ')}.`,
      span: frontMatter.frameworkSpan ?? frontMatter.span,
      data: { known: registry.ids },
    });
  }
  const headingKeys = doc.units.flatMap((b) => (b.kind === 'heading' ? [b.key] : []));
  const profiles = registry.all;
  const detected = detectFramework(doc.text, headingKeys, profiles, detectionPhrases(doc, profiles));
  if (detected) return { profile: detected.profile, source: 'detected', evidence: detected.evidence };
  return { profile: registry.get(DEFAULT_PROFILE_ID) ?? registry.all[0], source: 'default' };
}

/** Set each reference's `inParagraph` (references and paragraphs are both in document order). */
function attributeReferences(references: CrossReference[], paragraphs: NumberedParagraph[]): void {
  references.sort((a, b) => a.span.start - b.span.start);
  let j = 0;
  for (const r of references) {
    while (j < paragraphs.length && paragraphs[j].span.end <= r.span.start) j++;
    r.inParagraph = j < paragraphs.length && paragraphs[j].span.start <= r.span.start ? j : -1;
  }
}
