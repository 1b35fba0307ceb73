import type { Line, Removed } from './types.js';

const PAGE_NUMBER = /^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i;
const TRAILING_NUMBER = /\s+(\d{1,3})$/;

/**
 * Page furniture: page numbers on lines of their own, and running headers and footers (a line
 * repeated on most pages, often with the page number at its end). Returns the lines kept;
 * the line after removed furniture is marked as following a page break.
 * `isHeading` protects lines that are the report's own headings ("Executive summary" at the
 * top of several pages is a heading, not a header).
 */
export function removePageFurniture(lines: Line[], isHeading: (t: string) => boolean, removed: Removed[]): Line[] {
  const drop = new Map<number, Removed['kind']>();
  let pages = 1;
  lines.forEach((l, i) => {
    if (l.pageBreak) pages++;
    if (PAGE_NUMBER.test(l.t)) {
      drop.set(i, 'page-number');
      pages++;
    }
  });

  // Repeated lines, keyed without a trailing page number.
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (!l.t || drop.has(i)) return;
    const key = l.t.replace(TRAILING_NUMBER, '').replace(/\s+/g, ' ');
    if (key.length < 10 || /^(?:[-*]\s+)?\d{1,3}[.)]\s/.test(key) || isHeading(key)) return;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const minCount = Math.max(3, Math.floor(pages * 0.4));
  // First: lines that carry an increasing page number at their end.
  const header = new Set<number>();
  for (const [, at] of groups) {
    if (at.length < minCount) continue;
    const numbers = at.map((i) => TRAILING_NUMBER.exec(lines[i].t)?.[1]).map((n) => (n ? Number(n) : NaN));
    const withNumber = numbers.filter((n) => !Number.isNaN(n));
    let increasing = 0;
    for (let k = 1; k < withNumber.length; k++) if (withNumber[k] > withNumber[k - 1]) increasing++;
    if (withNumber.length >= at.length * 0.6 && increasing >= (withNumber.length - 1) * 0.8) at.forEach((i) => header.add(i));
  }
  // Then: repeated lines next to a page number or to such a header.
  const nearBoundary = (i: number) => {
    for (const d of [-2, -1, 1, 2]) {
      const j = i + d;
      if (j < 0 || j >= lines.length) continue;
      if (drop.get(j) === 'page-number' || header.has(j)) return true;
      if (d === 1 && lines[j].pageBreak) return true;
    }
    return !!lines[i].pageBreak;
  };
  for (const [, at] of groups) {
    if (at.length < minCount || header.has(at[0])) continue;
    if (at.filter(nearBoundary).length >= at.length * 0.6) at.forEach((i) => header.add(i));
  }
  for (const i of header) drop.set(i, 'running-header');

  const kept: Line[] = [];
  let broke = false;
  lines.forEach((l, i) => {
    const kind = drop.get(i);
    if (kind) {
      removed.push({ kind, line: l.no, text: l.t });
      broke = true;
      return;
    }
    if (broke && l.t) {
      kept.push({ ...l, pageBreak: true });
      broke = false;
    } else kept.push(l);
  });
  return kept;
}

const CONTENTS = /^(?:#+\s*)?(?:\*\*)?(?:table of )?contents(?:\*\*)?:?$/i;
/** A contents entry: text then page number(s), or cells separated by tabs. */
const ENTRY = /(?:\S\s+\d{1,3}(?:\s+\d{1,3})*|\t)\s*$|\t/;

/** A contents list (a "Contents" line and the entries after it), removed whole. */
export function removeContents(lines: Line[], removed: Removed[]): Line[] {
  const start = lines.findIndex((l, i) => CONTENTS.test(l.t) && i < lines.length * 0.5);
  if (start < 0) return lines;
  const nextNonBlank = (i: number) => {
    let j = i;
    while (j < lines.length && !lines[j].t) j++;
    return j;
  };
  let end = start + 1;
  let entries = 0;
  for (let i = nextNonBlank(start + 1); i < lines.length; i = nextNonBlank(i + 1)) {
    const l = lines[i];
    if (ENTRY.test(l.raw)) {
      entries++;
      end = i + 1;
      continue;
    }
    // A wrapped entry: the next line finishes it with its page number.
    const j = nextNonBlank(i + 1);
    if (j < lines.length && l.t.length < 100 && !/[.]$/.test(l.t) && ENTRY.test(lines[j].raw) && !/\t/.test(l.raw)) {
      const after = lines[j].t;
      if (/^[a-z(]/.test(after) || after.split(/\s+/).length <= 6) continue;
    }
    break;
  }
  if (entries < 2) return lines;
  for (let i = start; i < end; i++) if (lines[i].t) removed.push({ kind: 'contents', line: lines[i].no, text: lines[i].t });
  const rest = lines.slice(end);
  const firstKept = rest.findIndex((l) => l.t);
  if (firstKept >= 0) rest[firstKept] = { ...rest[firstKept], pageBreak: true };
  return [...lines.slice(0, start), ...rest];
}
