import type { Profile } from '../profiles/types.js';
import type { GradeRow, Span } from './types.js';
import { normaliseHeading } from '../text/normalise.js';
import { detach } from '../text/detach.js';

/** Area text, then a tab or a run of spaces, then the rest of the line. Linear: no nested quantifiers. */
const ROW = /^([^\t\r\n]*?\S)(?:\t+| {2,})[ \t]*([^\t\r\n]+?)[ \t]*$/;

/**
 * Whether the first line of a list item, from `start`, is an area and a grade separated by a
 * tab (or two spaces or more), the grade being a phrase of the profile's scale. If so, records it.
 */
export function isGradeRow(text: string, start: number, profile: Profile, out: GradeRow[], itemEnd = start): boolean {
  if (!gradeRowAt(text, start, profile, out)) return false;
  // The item's further lines may be rows too ("\t2.1 Adoption performance\tGood" pasted as a continuation).
  for (let at = text.indexOf('\n', start) + 1; at > 0 && at < itemEnd; at = text.indexOf('\n', at) + 1) {
    let lineStart = at;
    while (lineStart < itemEnd && (text[lineStart] === ' ' || text[lineStart] === '\t')) lineStart++;
    gradeRowAt(text, lineStart, profile, out);
  }
  return true;
}

function gradeRowAt(text: string, start: number, profile: Profile, out: GradeRow[]): boolean {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  if (end - start > 300) return false;
  const line = text.slice(start, end);
  const m = ROW.exec(line);
  if (!m) return false;
  const grade = normaliseHeading(m[2]);
  if (!profile.grades.some((g) => g.phrases.includes(grade) || g.label.toLowerCase() === grade)) return false;
  const gradeAt = start + m.index + m[0].lastIndexOf(m[2]);
  out.push({
    span: { start, end },
    areaText: m[1],
    areaSpan: { start, end: start + m[1].length },
    gradeText: m[2],
    gradeSpan: { start: gradeAt, end: gradeAt + m[2].length },
  });
  return true;
}

/** Grade rows found in a list item, offsets relative to its start (none: not a grade row). */
const rowCache = new WeakMap<object, { profile: Profile; rows: GradeRow[] | undefined }>();

/**
 * `isGradeRow` for an ordered item unit starting at `at`, cached per unit (whose text is the
 * same while the unit object is: see blocks.ts). The rows are added to `out`, made absolute.
 */
export function gradeRowsOf(unit: { span: Span; item: { textStart: number } }, text: string, at: number, profile: Profile, out: GradeRow[]): boolean {
  let hit = rowCache.get(unit);
  if (!hit || hit.profile !== profile) {
    const found: GradeRow[] = [];
    const rows = isGradeRow(text, at + unit.item.textStart, profile, found, at + unit.span.end)
      ? found.map((r) => ({ ...shiftRow(r, -at), areaText: detach(r.areaText), gradeText: detach(r.gradeText) }))
      : undefined;
    hit = { profile, rows };
    rowCache.set(unit, hit);
  }
  if (!hit.rows) return false;
  for (const r of hit.rows) out.push(shiftRow(r, at));
  return true;
}

function shiftRow(r: GradeRow, by: number): GradeRow {
  const sh = (s: Span) => ({ start: s.start + by, end: s.end + by });
  return { span: sh(r.span), areaText: r.areaText, areaSpan: sh(r.areaSpan), gradeText: r.gradeText, gradeSpan: sh(r.gradeSpan) };
}
