import type { Profile } from '../profiles/types.js';
import type { Block, Line } from './types.js';
import { gradeRowAt, gradeTableHeader, tabCells } from './gradeTable.js';
import { continuesHeading, layoutHeading, OPEN_END, profileHeading } from './headings.js';

/** `26. text`, `- 26. text` (a bullet holding a paragraph number, as pasted PDFs give). */
const NUMBERED = /^(?:([-*•])\s+)?(\d{1,3})[.)]\s+(?=\S)/;
/** Bullet characters of PDF extraction and pasted text (private-use Wingdings among them). */
const BULLET = /^([-*•●▪◼■◦○\u2023\u2043\u2219\uF06E\uF02D\uF0A7\uF0B7\uF0BE\uF076\uF0D8\uF0FC])\s*(?=\S)/;
const FRONT_FIELD = /^(?:inspection dates?|lead inspector|reporting inspector|report published|published|age group)\b/i;
const DATE_TAIL = /^(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b[^.]{0,30}\d{4}$/;
const GRADE_WORD = /\b(?:requires?\s+improvement|good|outstanding|inadequate|adequate)\b/i;

/** A whole line that is a judgement heading with its grade: it ends the paragraph before it. */
function strongHeading(t: string, profile: Profile): boolean {
  return t.length < 120 && !/[.,;]$/.test(t) && GRADE_WORD.test(t) && profileHeading(t, profile) === 'area';
}
/**
 * strongHeading over line i and the lines that continue it ("The experiences and progress of
 * children who need help and" / "protection: outstanding"): a wrapped judgement heading after a
 * bullet or paragraph whose last line was full.
 */
function strongHeadingAt(lines: Line[], i: number, profile: Profile): boolean {
  return headingTexts(lines, i, 3).some((text) => strongHeading(text, profile));
}

/**
 * Line i, then line i with the next, then with the two next…, as long as each next line
 * continues a heading (starts in lower case, or follows "and", "of"…) and is not a page
 * break, numbered paragraph or bullet: the texts a heading wrapped over up to `max` lines may have.
 */
function headingTexts(lines: Line[], i: number, max: number): string[] {
  const texts: string[] = [];
  let text = '';
  for (let k = 0; k < max && i + k < lines.length; k++) {
    const l = lines[i + k];
    if (!l.t || (k > 0 && (l.pageBreak || NUMBERED.test(l.t) || BULLET.test(l.t) || !continuesHeading(text, l.t)))) break;
    text = k === 0 ? l.t : `${text} ${l.t}`;
    texts.push(text);
  }
  return texts;
}
/** The line after i starts the numbered paragraph expected next. */
function beforeParagraph(lines: Line[], i: number, expected: number): boolean {
  const m = lines[i + 1] && NUMBERED.exec(lines[i + 1].t);
  return !!m && Number(m[2]) === expected;
}
const SUB_BULLET = /^[\uF02D◦○\u2043-]$/;
/** A line that ends a sentence (or an introduction), with closing quotes, brackets or a footnote mark after it. */
const ENDS_SENTENCE = /[.!?:;]["'’”)\]]*(?:\d{1,2})?$/;

export interface SegmentOptions {
  profile: Profile;
  /** Wrap width of PDF-extracted text; undefined when each line is a paragraph. */
  width?: number;
}

function firstWord(t: string): string {
  return t.split(/\s+/)[0] ?? '';
}

/** Group lines into blocks: headings, numbered paragraphs, bullets, plain paragraphs, tables. */
export function segment(lines: Line[], o: SegmentOptions): Block[] {
  const blocks: Block[] = [];
  const wrapped = o.width !== undefined;
  const W = o.width ?? Infinity;
  let cur: Extract<Block, { text: string }> | undefined;
  let open = false; // `cur` may take the next line as its continuation
  let expected = 1;
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let lastEnded = true; // the previous line closed its block (blank, heading, sentence end…)
  // Front-page fields ("Inspection date: …", "Report published: …"): no layout headings before the last.
  let frontEnd = -1;
  for (let i = 0; i < Math.min(lines.length, 60); i++) if (FRONT_FIELD.test(lines[i].t)) frontEnd = i;

  const flush = () => {
    cur = undefined;
    open = false;
  };
  const push = (b: Block) => {
    flush();
    if (b.kind !== 'table') table = undefined;
    blocks.push(b);
  };
  const acceptNumber = (n: number, explicit: boolean) => {
    if (explicit && !wrapped) return true;
    if (n === expected || n === 1) return true;
    if (n > expected && n <= expected + 3 && (explicit || lastEnded)) return true;
    return explicit && !wrapped && n > 0 && n <= expected + 5;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.t;
    if (!t) {
      flush();
      lastEnded = true;
      if (table && !nextIsTableRow(lines, i, o.profile)) table = undefined;
      continue;
    }
    // Markdown headings already in the text.
    const marked = /^(#{1,6})\s+(.*)$/.exec(t);
    if (marked) {
      push({ kind: 'heading', text: marked[2].trim(), line: l.no, marked: true });
      lastEnded = true;
      continue;
    }
    // Front-page fields ("Inspection dates: …", "Lead inspector: …") stand on their own lines.
    if (FRONT_FIELD.test(t) && i <= frontEnd) {
      let text = t;
      // "Inspection dates: 19 November-11 December 2013 and 28 – 30 / January 2014"
      while (i + 1 < lines.length && DATE_TAIL.test(lines[i + 1].t) && /(?:\d|and|to|[-–])$/.test(text)) text = `${text} ${lines[++i].t}`;
      push({ kind: 'para', text, line: l.no, pageBreak: l.pageBreak });
      lastEnded = true;
      continue;
    }
    // Tables: tab-separated rows, a flattened grade table's header and rows.
    const cells = tabCells(l.raw);
    const header = !cells && lastEnded ? gradeTableHeader(t) : undefined;
    const row = !cells && !header ? gradeRowAt(lines, i, o.profile) : undefined;
    if (cells || header || row) {
      if (!table) {
        table = { kind: 'table', rows: [], line: l.no, grade: !!(header || row) };
        push(table);
      }
      flush();
      if (header) table.header = header;
      else if (row) {
        table.rows.push(row.cells);
        i += row.count - 1;
      } else table.rows.push(cells!);
      lastEnded = true;
      continue;
    }
    if (table) table = undefined;

    const num = NUMBERED.exec(t);
    if (num && acceptNumber(Number(num[2]), !!num[1] || !wrapped)) {
      const n = Number(num[2]);
      push({ kind: 'numbered', number: n, text: t.slice(num[0].length), line: l.no, pageBreak: l.pageBreak, bullet: !!num[1] });
      cur = blocks[blocks.length - 1] as typeof cur;
      expected = n + 1;
      open = wrapped;
      lastEnded = closes(lines, i, W, 6);
      if (lastEnded) flush();
      continue;
    }
    const bullet = BULLET.exec(t);
    if (bullet && !/^[-*]\d/.test(t)) {
      const indent = /^\s*/.exec(l.raw)![0].length;
      const depth = SUB_BULLET.test(bullet[1]) && bullet[1] !== '-' ? 1 : indent >= 2 ? 1 : 0;
      push({ kind: 'bullet', text: t.slice(bullet[0].length), depth, line: l.no, pageBreak: l.pageBreak, marker: bullet[1] });
      cur = blocks[blocks.length - 1] as typeof cur;
      open = wrapped;
      lastEnded = closes(lines, i, W, 6);
      if (lastEnded) flush();
      continue;
    }
    // Headings named by the profile (wrapped over up to three lines), then by layout.
    const interrupts =
      open && cur && wrapped && /^[A-Z]/.test(t) && !OPEN_END.test(cur.text) &&
      (strongHeadingAt(lines, i, o.profile) || (ENDS_SENTENCE.test(cur.text) && beforeParagraph(lines, i, expected) && layoutHeading(t, 90)));
    if ((lastEnded || !open || interrupts) && !(!wrapped && /\*\*/.test(t) && /\s(?:is|are)\s/.test(t))) {
      const h = headingAt(lines, i, o, wrapped, i > frontEnd);
      if (h) {
        push({ kind: 'heading', text: h.text, line: l.no });
        i += h.count - 1;
        lastEnded = true;
        continue;
      }
    }
    if (cur && open) {
      cur.text = joinWrapped(cur.text, t);
    } else {
      push({ kind: 'para', text: t, line: l.no, pageBreak: l.pageBreak });
      cur = blocks[blocks.length - 1] as typeof cur;
      open = wrapped;
    }
    lastEnded = closes(lines, i, W, 2);
    if (lastEnded || !wrapped) flush();
  }
  return blocks;
}

/** Join a wrapped line to the text before it: "multi-" + "agency" stays "multi-agency". */
export function joinWrapped(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before + after;
  return `${before} ${after}`;
}

/**
 * Whether line i ends its paragraph: the next line is blank or missing, or this line ends a
 * sentence and the next line's first word would have fitted on it (so the break is deliberate).
 */
function closes(lines: Line[], i: number, width: number, slack: number): boolean {
  if (!Number.isFinite(width)) return true;
  const next = lines[i + 1];
  if (!next || !next.t) return true;
  if (!ENDS_SENTENCE.test(lines[i].t)) return false;
  if (next.pageBreak) return lines[i].raw.length + 1 + firstWord(next.t).length <= width - slack - 6;
  return lines[i].raw.length + 1 + firstWord(next.t).length <= width - slack;
}

/** The next line that is not blank starts a numbered paragraph. */
function numberedNext(lines: Line[], i: number): boolean {
  let j = i + 1;
  while (j < lines.length && !lines[j].t) j++;
  return j < lines.length && NUMBERED.test(lines[j].t);
}

function nextIsTableRow(lines: Line[], i: number, profile: Profile): boolean {
  let j = i + 1;
  while (j < lines.length && !lines[j].t) j++;
  if (j >= lines.length || j - i > 3) return false;
  return !!tabCells(lines[j].raw) || !!gradeRowAt(lines, j, profile);
}

function headingAt(lines: Line[], i: number, o: SegmentOptions, wrapped: boolean, layout: boolean): { text: string; count: number } | undefined {
  const texts = headingTexts(lines, i, wrapped ? 3 : 1);
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    if (/[.;]$/.test(lines[i + k].t)) {
      // A sentence ends here. An area and its grade as a sentence opens its section, but only
      // before the section's first numbered paragraph: in a list of grades ("The judgements …
      // were: … Children looked after and achieving permanence: Requires improvement.") it is
      // not a heading.
      if (profileHeading(text, o.profile) === 'area' && numberedNext(lines, i + k)) return { text, count: k + 1 };
      break;
    }
    const next = lines[i + k + 1];
    // A heading is followed by a line that starts something (not a lower-case continuation).
    if (next?.t && /^[a-z]/.test(next.t) && !next.pageBreak) continue;
    if (profileHeading(text, o.profile)) return { text, count: k + 1 };
  }
  if (!layout) return undefined;
  const t = lines[i].t;
  const next = lines[i + 1];
  const maxLength = wrapped ? Math.min(90, o.width! * 0.8) : 100;
  if (!layoutHeading(t, maxLength)) return undefined;
  if (wrapped) {
    if (!next?.t || /^[a-z]/.test(next.t)) return undefined;
  } else {
    // One paragraph per line: a heading stands between blank lines.
    const prev = lines[i - 1];
    if ((prev && prev.t) || (next && next.t)) return undefined;
    if (/\*\*\s*$/.test(t) && /\s(is|are)\s/.test(t)) return undefined;
  }
  return { text: t, count: 1 };
}
