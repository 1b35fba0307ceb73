import type { Profile } from '../profiles/types.js';
import { containsPhrase, normaliseHeading } from '../text/normalise.js';
import { matcherFor } from '../model/sections.js';

export type HeadingKind = 'part' | 'role' | 'area' | 'layout';

/** Words that may surround an area's name in a heading ("… require improvement", ": Grade 2 (good)"). */
const GRADE_WORDS = new Set(
  (
    'the a is are graded judgement judgment for about of grade 1 2 3 4 requires require improvement to be good outstanding ' +
    'inadequate adequate overall key and services in children\'s local authority summary effectiveness inspection that it they'
  ).split(' '),
);

function longest(key: string, phrases: string[]): number {
  let best = 0;
  for (const p of phrases) if (p.length > best && containsPhrase(key, p)) best = p.length;
  return best;
}

/**
 * Whether a line (or a few wrapped lines joined) is a heading the profile names: a part, a
 * section role ("Areas for improvement", "Information about this inspection") or a judgement
 * area, optionally with its grade. Sentences that merely mention such a phrase are refused.
 */
export function profileHeading(text: string, profile: Profile): HeadingKind | undefined {
  let t = text.trim();
  // "The experiences and progress of children in care and care leavers requires improvement to
  // be good." on a line of its own opens that section (2019–2020 reports): an area and its
  // grade, nothing else, may end in a full stop.
  const sentence = /[^.]\.$/.test(t);
  if (sentence) t = t.slice(0, -1);
  if (!t || t.length > 170 || /[.;,]$/.test(t) || /^[a-z]/.test(t)) return undefined;
  const key = normaliseHeading(t);
  if (!key) return undefined;
  const m = matcherFor(profile);
  if (sentence) return areaHeading(key, m);
  if (m.parts.some((p) => p.phrases.includes(key))) return 'part';
  if (/^section \d+\b/.test(key) && key.length < 120) return 'part';
  for (const { phrases } of m.roles) {
    const n = longest(key, phrases);
    if (n > 0 && key.length <= n + 30 && key.split(' ').length <= 14) return 'role';
  }
  // "Children's services in Brighton and Hove require improvement to be good" (SIF).
  if (/^children's services in [a-z' ,&-]{2,60} (?:is|are|requires?) (?:improvement(?: to be good)?|good|outstanding|inadequate)$/.test(key)) return 'area';
  return areaHeading(key, m);
}

/** An area's name with grade words only ("… children and families: good"). */
function areaHeading(key: string, m: ReturnType<typeof matcherFor>): HeadingKind | undefined {
  for (const a of m.areas) {
    for (const p of a.phrases) {
      if (!containsPhrase(key, p)) continue;
      const rest = key.replace(p, ' ').replace(/[():,?-]/g, ' ').split(/\s+/).filter(Boolean);
      if (rest.length <= 9 && rest.every((w) => GRADE_WORDS.has(w))) return 'area';
    }
  }
  return undefined;
}

const FUNCTION_WORD = /\b(?:and|or|of|the|to|for|in|with|a|an|by|on|at|from|that|which|is|are|as)$/i;
/** "Inspection dates: 6 to 17 December 2021", "Lead inspector: …": front-page fields, not headings. */
const FIELD = /^[A-Z][A-Za-z' ]{0,40}:\s+(?:[A-Z0-9]|\S+@)/;

/** A heading by layout alone: a short line, capitalised, with no final full stop. */
export function layoutHeading(t: string, maxLength: number): boolean {
  if (!t || t.length > maxLength || t.length < 3) return false;
  if (!/^["'‘“]?[A-Z]/.test(t)) return false;
  if (/[.,;]$/.test(t) || FUNCTION_WORD.test(t)) return false;
  if (FIELD.test(t) && !/^section \d/i.test(t)) return false;
  if (t.split(/\s+/).length > 14) return false;
  if (/:$/.test(t) && t.split(/\s+/).length > 5) return false;
  if (/\d{1,3}(?:\.\d)?%|\d{4}\s*$/.test(t)) return false;
  if (/^[\p{Lu}\d\s&,'’()-]+$/u.test(t) && t.length < 4) return false;
  return true;
}

export const OPEN_END = /(?:\b(?:and|or|of|the|to|for|in|with|a|an|by|on|at|from|who|need|social|work|care|children|progress|is|are|upon)|[,:(-])$/i;

/** Whether `next` continues a heading or table cell wrapped after `before`. */
export function continuesHeading(before: string, next: string): boolean {
  return /^[a-z(]/.test(next) || OPEN_END.test(before.trim());
}
