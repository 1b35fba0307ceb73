import { LineIndex } from '../text/lineIndex.js';
import { normaliseHeading } from '../text/normalise.js';
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
  Table,
} from './types.js';
import type { BlockFacts } from './blocks.js';
import { parseDocument, type ParsedDocument } from './incremental.js';
import { readFrontMatter } from './frontMatter.js';
import { classifyHeading, isRestartHeading } from './sections.js';
import { detectFramework } from './detectFramework.js';
import { findStrays } from './strays.js';
import { isGradeRow } from './gradeRows.js';
import { findJudgements } from './judgements.js';

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
  const model = assembleModel(uri, version, doc.text, doc.units, options);
  if (doc.tooComplex) {
    model.problems.push({
      code: 'document/too-complex',
      message: 'Markup nested thousands deep: emphasis, links and code were ignored when reading this report.',
      span: { start: 0, end: model.lines.lineContentEnd(0) },
    });
  }
  return model;
}

/** Build the model from analysed blocks: a linear scan, cheap enough to redo on every edit. */
export function assembleModel(
  uri: string,
  version: number,
  text: string,
  blocks: BlockFacts[],
  options: BuildOptions,
): ReportModel {
  const problems: ModelProblem[] = [];
  let frontMatter: FrontMatter | undefined;
  const first = blocks[0];
  if (first?.kind === 'front-matter') {
    frontMatter = readFrontMatter(first.span, first.value, first.valueStart);
    if (frontMatter.error) problems.push({ code: 'frontmatter/invalid', message: frontMatter.error.message, span: frontMatter.error.span });
  }
  const headingKeys = blocks.flatMap((b) => (b.kind === 'heading' ? [normaliseHeading(b.title)] : []));
  const framework = chooseFramework(text, headingKeys, frontMatter, options, problems);
  const profile = framework.profile;

  const sections: Section[] = [];
  const paragraphs: NumberedParagraph[] = [];
  const candidates: (Fragment & { order: number; leading?: boolean })[] = [];
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
  let pending: (Fragment & { order: number; leading?: boolean })[] = [];
  // Bullets right after a text ending in ':' are that text's list, not fragments.
  let listIntro = false;
  let previousJoinEnd: number | undefined;

  const flushPending = (next: number) => {
    for (const c of pending) {
      c.next = next;
      candidates.push(c);
    }
    pending = [];
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        pending = [];
        lastInSection = -1;
        listIntro = false;
        previousJoinEnd = undefined;
        const key = normaliseHeading(block.title);
        const cls = classifyHeading(key, profile, partName);
        if (cls.part) partName = cls.part;
        let parent = current;
        while (parent >= 0 && sections[parent].level >= block.level) parent = sections[parent].parent;
        const index = sections.length;
        sections.push({
          title: block.title,
          key,
          level: block.level,
          headingSpan: block.span,
          span: { start: block.span.start, end: text.length },
          role: cls.role,
          area: cls.area,
          part: partName,
          parent,
          children: [],
          paragraphs: [],
        });
        if (parent >= 0) sections[parent].children.push(index);
        current = index;
        if (isRestartHeading(key, profile)) restartPending = true;
        for (const r of block.refs) references.push(r);
        break;
      }
      case 'items':
        for (const item of block.items) {
          if (item.kind === 'bullet') {
            if (!listIntro) {
              pending.push({
                order: item.span.start,
                leading: lastInSection < 0,
                span: item.span,
                kind: 'bullet',
                bulletSpan: item.bulletSpan,
                textStart: item.textStart,
                previous: lastInSection >= 0 ? lastInSection : paragraphs.length - 1,
                next: -1,
                joinAfter: previousJoinEnd,
                text: item.text,
              });
            }
            prose.push({ span: item.span, text: item.text, section: current });
            for (const r of item.refs) references.push(r);
          } else if (item.kind === 'ordered' && isGradeRow(text, item.textStart, profile, gradeRows, item.span.end)) {
            // "1. Children who need help and protection<TAB>Requires improvement": a grade
            // summary pasted as a list, not a numbered paragraph.
            prose.push({ span: item.span, text: item.text, section: current });
          } else {
            const number = item.number!;
            if (restartPending && number === 1 && paragraphs.length > 0) part++;
            restartPending = false;
            const index = paragraphs.length;
            flushPending(index);
            paragraphs.push({
              number,
              numberSpan: item.numberSpan!,
              span: item.span,
              form: item.kind === 'legacy-bullet' ? 'legacy-bullet' : 'ordered',
              bulletSpan: item.bulletSpan,
              section: current,
              part,
              text: item.text,
              textStart: item.textStart,
            });
            for (const r of item.refs) references.push(r);
            lastInSection = index;
            listIntro = item.text.trimEnd().endsWith(':');
          }
          previousJoinEnd = item.joinEnd;
        }
        break;
      case 'paragraph':
        listIntro = block.text.trimEnd().endsWith(':');
        pending.push({
          order: block.span.start,
          leading: lastInSection < 0,
          span: block.span,
          kind: 'paragraph',
          textStart: block.textStart,
          previous: lastInSection >= 0 ? lastInSection : paragraphs.length - 1,
          next: -1,
          joinAfter: previousJoinEnd,
          text: block.text,
        });
        prose.push({ span: block.span, text: block.text, section: current });
        for (const r of block.refs) references.push(r);
        previousJoinEnd = block.joinEnd;
        break;
      case 'table':
        tables.push({ span: block.span, rows: block.rows, section: current });
        for (const r of block.refs) references.push(r);
        previousJoinEnd = undefined;
        break;
      case 'other':
        for (const r of block.refs) references.push(r);
        previousJoinEnd = undefined;
        break;
      case 'front-matter':
        break;
    }
  }

  // Fragments are candidates with a numbered paragraph on both sides in the same section.
  // Candidates at the start of a section (before its first numbered paragraph) are kept
  // only if they hold a stray number: a section's first paragraph can lose its number too.
  const inRun = candidates.filter(
    (c) => c.previous >= 0 && c.next >= 0 && (c.leading || paragraphs[c.previous].section === paragraphs[c.next].section),
  );
  const withStrays = findStrays(text, paragraphs, inRun);
  const fragments = inRun.filter((c) => !c.leading || c.stray);

  // Section spans end where the next heading of the same or a higher level starts.
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= sections[i].level) {
        sections[i].span.end = sections[j].headingSpan.start;
        break;
      }
    }
  }
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
    lines: new LineIndex(text),
    frontMatter,
    framework,
    sections,
    paragraphs: withStrays,
    fragments: fragments.map(({ order: _order, leading: _leading, ...f }) => f),
    gradeRows,
    references,
    tables,
    prose,
    problems,
    judgements: [],
    unknownGrades: [],
  };
  findJudgements(model);
  return model;
}

function chooseFramework(
  text: string,
  headingKeys: string[],
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
  const detected = detectFramework(text, headingKeys, registry.all);
  if (detected) return { profile: detected.profile, source: 'detected', evidence: detected.evidence };
  return { profile: registry.get(DEFAULT_PROFILE_ID) ?? registry.all[0], source: 'default' };
}

/** Set each reference's `inParagraph` (references and paragraphs are both in document order). */
function attributeReferences(references: CrossReference[], paragraphs: NumberedParagraph[]): void {
  references.sort((a, b) => a.span.start - b.span.start);
  let j = 0;
  for (let i = 0; i < references.length; i++) {
    const r = references[i];
    while (j < paragraphs.length && paragraphs[j].span.end <= r.span.start) j++;
    // A copy: block facts are shared with the next version's model (incremental parsing).
    references[i] = { ...r, inParagraph: j < paragraphs.length && paragraphs[j].span.start <= r.span.start ? j : -1 };
  }
}
