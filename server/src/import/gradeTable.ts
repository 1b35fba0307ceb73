import type { Profile } from '../profiles/types.js';
import type { Line } from './types.js';
import { normaliseHeading, containsPhrase } from '../text/normalise.js';
import { matcherFor, matchArea } from '../model/sections.js';
import { alternation } from '../model/phrases.js';
import { continuesHeading } from './headings.js';

/** "Judgement Grade", "Key judgement Judgement grade": the header of a flattened grade table. */
const HEADER = /^(key\s+)?judge?ments?\s+(judge?ment\s+)?grades?$/i;

export function gradeTableHeader(t: string): string[] | undefined {
  const m = HEADER.exec(t.replace(/\s+/g, ' ').trim());
  if (!m) return undefined;
  const words = t.trim().split(/\s+/);
  const split = m[1] ? 2 : 1;
  return [words.slice(0, split).join(' '), words.slice(split).join(' ')];
}

const gradeEnd = new WeakMap<Profile, RegExp>();

/** A grade phrase of the profile at the end of a line, capitalised as a table cell writes it. */
function gradeAtEnd(profile: Profile): RegExp {
  let re = gradeEnd.get(profile);
  if (!re) {
    const phrases = profile.grades.flatMap((g) => [g.label, ...g.phrases]).filter((p) => !/^grade\s/i.test(p) && !/\(grade/i.test(p));
    re = new RegExp(`^(.*?\\S)[\\s:]+(${alternation([...phrases, 'not judged', 'not applicable'])})\\s*\\*?$`, 'i');
    gradeEnd.set(profile, re);
  }
  return re;
}

const gradeLine = new WeakMap<Profile, RegExp>();

/** A line holding only a grade ("Requires improvement to be good"). */
function gradeOnly(profile: Profile): RegExp {
  let re = gradeLine.get(profile);
  if (!re) {
    re = new RegExp(`^(?:${alternation(profile.grades.flatMap((g) => [g.label, ...g.phrases]))})\\s*\\*?$`, 'i');
    gradeLine.set(profile, re);
  }
  return re;
}

function lastWord(t: string): string {
  return /\S+$/.exec(t.trim())?.[0] ?? '';
}

/** Whether `t` starts with the first word of a grade phrase ("Requires" of "Requires improvement"). */
function startsGrade(profile: Profile, t: string): boolean {
  const first = t.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return !!first && /^[A-Z]/.test(t.trim()) && profile.grades.some((g) => [g.label, ...g.phrases].some((p) => p.toLowerCase().split(/\s+/)[0] === first));
}

/** Length of the longest area name or alias `key` contains (0 if none). */
function areaPhraseLength(key: string, profile: Profile): number {
  let best = 0;
  for (const a of matcherFor(profile).areas) for (const p of a.phrases) if (p.length > best && containsPhrase(key, p)) best = p.length;
  return best;
}

export interface GradeRowMatch {
  cells: [string, string];
  /** Lines consumed. */
  count: number;
}

/**
 * A row of a grade table flattened into text: an area name (wrapped over up to three lines)
 * followed by a capitalised grade, e.g. "2. Children looked after and achieving / permanence Good".
 */
export function gradeRowAt(lines: Line[], start: number, profile: Profile): GradeRowMatch | undefined {
  let i = start;
  let text = '';
  for (let k = 0; k < 4 && i + k < lines.length; k++) {
    let l = lines[i + k];
    if (!l.t && k > 0) {
      // "1. Children who need help and protection" / (blank) / "Good"
      let j = i + k;
      while (j < lines.length && !lines[j].t && j - (i + k) < 2) j++;
      if (j < lines.length && gradeOnly(profile).test(lines[j].t) && !lines[j].pageBreak) {
        i += j - (i + k);
        l = lines[i + k];
      }
    }
    if (!l.t || (k > 0 && l.pageBreak)) return undefined;
    if (k > 0 && !continuesHeading(text, l.t) && !gradeOnly(profile).test(l.t) && !startsGrade(profile, l.t) && !startsGrade(profile, lastWord(text))) {
      return undefined;
    }
    text = k === 0 ? l.t : `${text} ${l.t}`;
    if (text.length > 200) return undefined;
    const m = gradeAtEnd(profile).exec(text);
    if (!m) continue;
    const area = m[1].replace(/\s+/g, ' ').replace(/^[\uF06E\uF0A7\uF0B7\u25FC•●▪-]\s*/, '').trim();
    const grade = m[2];
    // A lower-case grade only in a numbered grade list ("2.1 Adoption performance good").
    if (!/^[A-Z]/.test(grade) && !/^[1-4](?:\.[1-4])?\.?\s/.test(area)) return undefined;
    // A sentence that goes on ("… requires improvement to be good / because, …") is not a row.
    const after = lines[i + k + 1];
    if (after?.t && /^[a-z]/.test(after.t) && !after.pageBreak) {
      // pdftotext -layout sets the grade in its column beside the middle of a wrapped area name:
      // "The impact of leaders on social work practice with children" / "Good" / "and families".
      if ((gradeOnly(profile).test(l.t) || / {2,}\S+(?: \S+)*\s*$/.test(l.t)) && !gradeAtEnd(profile).test(after.t)) {
        const full = `${area} ${after.t.trim()}`;
        const fullKey = normaliseHeading(full);
        if (areaPhraseLength(fullKey, profile) && fullKey.length <= areaPhraseLength(fullKey, profile) + 12) {
          return { cells: [full, grade], count: i + k + 2 - start };
        }
      }
      continue;
    }
    if (/(?:\bis|\bare|\bwas|\bwere|:|-|–)$/i.test(area)) return undefined;
    const key = normaliseHeading(area);
    const length = areaPhraseLength(key, profile);
    if (!length || key.length > length + 12) return undefined;
    if (!matchArea(key, profile, undefined)) return undefined;
    return { cells: [area, grade], count: i + k + 1 - start };
  }
  return undefined;
}

/** Cells of a tab-separated line (a table pasted from Word or a PDF), or undefined. */
export function tabCells(raw: string): string[] | undefined {
  if (!raw.includes('\t') || /^\s*#/.test(raw)) return undefined;
  const cells = raw.trim().split(/\t+/).map((c) => c.trim());
  if (cells.length === 1) {
    // "Safeguarding services\t\t\t": a one-cell row (a part heading inside the table).
    if (!/\t\s*$/.test(raw)) return undefined;
    return [cells[0], ''];
  }
  return cells;
}
