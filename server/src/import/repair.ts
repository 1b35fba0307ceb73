import type { Block, Removed } from './types.js';

type TextBlock = Extract<Block, { kind: 'numbered' | 'bullet' | 'para' }>;

const ENDS_SENTENCE = /[.!?:]["'’”)\]]*(?:<\/sup>|\d{1,2})?$/;
/** A footnote at the foot of a page: "2 The local authority was given…", "<sup>2</sup> …". */
const FOOTNOTE = /^(?:\d{1,2}\s+(?=[A-Z]|www\.|https?:)|<sup>)/;
const CITATION_LINE = /^\((?:paras?|paragraphs?|recommendations?|see)\b[^()]{0,80}\)\.?$/i;
const GRADE_LINE = /^grade\s+\d\s*\([a-z ]+\)$/i;

export function isFootnote(b: Block): boolean {
  return b.kind === 'para' && FOOTNOTE.test(b.text);
}

/** "Quality of provision" then "Grade 3 (adequate)" on a line of its own: one heading. */
export function mergeGradeLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if ((b.kind === 'para' || b.kind === 'heading') && GRADE_LINE.test(b.text.trim()) && prev?.kind === 'heading') {
      prev.text = `${prev.text} ${b.text.trim()}`;
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * Page-break fragments: a paragraph or bullet that starts in lower case continues the text
 * before it (skipping footnotes, which move after the joined paragraph).
 */
export function joinFragments(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    // "(Paras 90)", "(Recommendation)" on a line of their own end the paragraph before them.
    if (b.kind === 'para' && CITATION_LINE.test(b.text.trim())) {
      const target = out[out.length - 1];
      if (target && (target.kind === 'numbered' || target.kind === 'para' || target.kind === 'bullet')) {
        target.text = `${target.text.trimEnd()} ${b.text.trim()}`;
        continue;
      }
    }
    // Only a Markdown bullet ("- range of …", a pasted page break) can be a fragment; a bullet
    // character from a PDF ("◼", Wingdings) is a real list item.
    const pastedBullet = b.kind === 'bullet' && (b.marker === '-' || b.marker === '*');
    if ((b.kind === 'para' || pastedBullet) && /^[a-z(]/.test(b.text) && !isFootnote(b)) {
      let j = out.length - 1;
      while (j >= 0 && isFootnote(out[j])) j--;
      const target = out[j];
      const canJoin =
        target &&
        (target.kind === 'numbered' || target.kind === 'para' || (target.kind === 'bullet' && b.kind !== 'bullet')) &&
        !ENDS_SENTENCE.test(target.text.trim()) &&
        !(b.kind === 'bullet' && target.text.trim().endsWith(':'));
      const bulletJoin = b.kind === 'bullet' && target && (target.kind === 'numbered' || target.kind === 'para') && !ENDS_SENTENCE.test(target.text.trim()) && b.pageBreak;
      if (canJoin || bulletJoin) {
        (target as TextBlock).text = `${(target as TextBlock).text.trimEnd()} ${b.text}`;
        // Footnotes that sat between the two halves now follow the paragraph.
        const notes = out.splice(j + 1);
        out.push(...notes);
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * Plain paragraphs between numbered paragraphs N and N + 1 (nothing else between them) are
 * more of paragraph N: the numbers show that none lost its number. In PDF text they are
 * mostly a sentence end mistaken for a paragraph end (a short last line: "… hub (MASH)." /
 * "However, some referrals …"); in a Word document, a paragraph of the list item. They are
 * written inside N's list item, as a paragraph of it, so that no word and no break is lost.
 * Not a paragraph that states a grade ("The graded judgement for adoption performance is that
 * it is good.", a judgement heading ending in a full stop): that is read as a judgement only
 * outside numbered paragraphs.
 */
export function markContinuations(blocks: Block[], statesGrade: (text: string) => boolean): Block[] {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'numbered') continue;
    let j = i + 1;
    while (j < blocks.length && isPlainPara(blocks[j]) && !statesGrade((blocks[j] as TextBlock).text)) j++;
    const next = blocks[j];
    if (j === i + 1 || next?.kind !== 'numbered' || next.number !== b.number + 1) continue;
    for (let k = i + 1; k < j; k++) (blocks[k] as Extract<Block, { kind: 'para' }>).continues = true;
    i = j - 1;
  }
  return blocks;
}

function isPlainPara(b: Block): boolean {
  return b.kind === 'para' && !isFootnote(b) && !CITATION_LINE.test(b.text.trim());
}

/**
 * A one-row grade "table" in the body, with no heading naming its area just before it, is the
 * heading of that judgement's section ("The experiences and progress of children who need
 * help and protection Requires improvement" set as a banner above the findings), with or
 * without a "Key judgement | Judgement grade" header (2014–2015 reports open each section so).
 */
export function promoteLoneGradeRows(blocks: Block[], sameArea: (a: string, b: string) => boolean, removed: Removed[]): Block[] {
  return blocks.map((b, i) => {
    if (b.kind !== 'table' || !b.grade || b.rows.length !== 1 || i === 0) return b;
    if (b.header && !b.header.some((h) => /judge?ments?\b/i.test(h))) return b;
    const prev = blocks[i - 1];
    if (prev.kind === 'heading' && sameArea(prev.text, b.rows[0][0])) return b;
    if (blocks.slice(0, i).every((x) => x.kind !== 'numbered' && !(x.kind === 'heading' && x.level !== 1))) return b;
    // The header's words are column labels of the banner: listed as removed, like page furniture.
    if (b.header) removed.push({ kind: 'table-header', line: b.line, text: b.header.join(' ') });
    return { kind: 'heading', text: `${b.rows[0][0]} ${b.rows[0][1]}`, line: b.line } as Block;
  });
}

/**
 * Between two numbered paragraphs A and B with no heading between them: numbers displaced
 * into the text ("as a result of a 62. better application") move back to the start, and
 * plain paragraphs take the numbers that are missing when they account for them exactly
 * (a page-break fragment joins the paragraph before it first).
 */
export function restoreNumbers(blocks: Block[]): Block[] {
  let out = blocks.slice();
  let a = -1;
  for (let i = 0; i < out.length; i++) {
    const b = out[i];
    if (b.kind === 'heading' || b.kind === 'table') {
      a = -1;
      continue;
    }
    if (b.kind !== 'numbered') continue;
    if (a >= 0) {
      const prev = out[a] as Extract<Block, { kind: 'numbered' }>;
      if (b.number > prev.number + 1 && i - a > 1) {
        const fixed = fillRun(out.slice(a + 1, i), prev.number, b.number);
        if (fixed) {
          out = [...out.slice(0, a + 1), ...fixed, ...out.slice(i)];
          i = a + 1 + fixed.length;
        }
      }
    }
    a = i;
  }
  return out;
}

function fillRun(run: Block[], from: number, to: number): Block[] | undefined {
  if (run.some((b) => b.kind !== 'para' && b.kind !== 'bullet')) return undefined;
  const items = run.map((b) => ({ ...(b as TextBlock) }) as TextBlock);
  // Displaced numbers.
  const numbers = new Map<TextBlock, number>();
  let low = from;
  for (const b of items) {
    if (isFootnote(b)) continue;
    const re = /(^|\s)(\d{1,3})\.\s+(?=(\S+))/g;
    for (let m = re.exec(b.text); m; m = re.exec(b.text)) {
      const n = Number(m[2]);
      if (n <= low || n >= to) continue;
      if (!(n === low + 1 || /^[a-z]/.test(m[3]))) continue;
      const at = m.index + m[1].length;
      b.text = `${b.text.slice(0, at)}${b.text.slice(at + m[0].length - m[1].length)}`.replace(/\s{2,}/g, ' ').trim();
      numbers.set(b, n);
      low = n;
      break;
    }
    if (!numbers.has(b) && numbers.size === 0) continue;
  }
  const missing: number[] = [];
  for (let n = from + 1; n < to; n++) if (![...numbers.values()].includes(n)) missing.push(n);
  let plain = items.filter((b) => !numbers.has(b) && !isFootnote(b) && b.kind === 'para' || (b.kind === 'bullet' && !numbers.has(b)));
  // Too many plain blocks: those after a page break continue the block before them.
  const joined = new Set<TextBlock>();
  if (plain.length > missing.length) {
    for (let k = 1; k < items.length && plain.length - joined.size > missing.length; k++) {
      const b = items[k];
      if (b.pageBreak && plain.includes(b)) joined.add(b);
    }
  }
  plain = plain.filter((b) => !joined.has(b));
  if (plain.length !== missing.length && numbers.size === 0) return undefined;
  // Assign in order, keeping numbers increasing around the displaced ones.
  let m = 0;
  let last = from;
  const assigned = new Map(numbers);
  for (const b of items) {
    if (numbers.has(b)) {
      last = numbers.get(b)!;
      continue;
    }
    if (plain.length === missing.length && plain.includes(b) && m < missing.length && missing[m] > last) {
      const next = [...numbers.values()].find((n) => n > last) ?? to;
      if (missing[m] < next) {
        assigned.set(b, missing[m]);
        last = missing[m++];
      }
    }
  }
  const out: Block[] = [];
  for (const b of items) {
    const n = assigned.get(b);
    if (joined.has(b) && out.length) {
      const target = out[out.length - 1] as TextBlock;
      target.text = `${target.text.trimEnd()} ${b.text}`;
      continue;
    }
    if (n !== undefined) out.push({ kind: 'numbered', number: n, text: b.text, line: b.line, pageBreak: b.pageBreak });
    else out.push(b);
  }
  return out;
}
