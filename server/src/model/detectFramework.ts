import type { Profile } from '../profiles/types.js';
import { containsPhrase, normaliseProse } from '../text/normalise.js';
import { matcherFor } from './sections.js';
import type { ParsedDocument } from './incremental.js';
import { memo, unitCache } from './units.js';

export interface Detection {
  profile: Profile;
  score: number;
  evidence: string[];
}

/** The signals are in the first pages of every real report: the text scanned is capped. */
const DETECTION_LIMIT = 200_000;

/**
 * Guess the framework of a draft that does not name one: each profile scores 2 for each of
 * its detection phrases found in the text and 1 for each judgement area named in a heading.
 * Returns undefined when nothing scores. `found`, when given, tells whether a (normalised)
 * phrase is in the text (see `detectionPhrases`).
 */
export function detectFramework(text: string, headingKeys: string[], profiles: Profile[], found?: (phrase: string) => boolean): Detection | undefined {
  if (!found) {
    const prose = normaliseProse(text.length > DETECTION_LIMIT ? text.slice(0, DETECTION_LIMIT) : text);
    found = (p) => containsPhrase(prose, p);
  }
  let best: Detection | undefined;
  for (const profile of profiles) {
    const evidence: string[] = [];
    let score = 0;
    for (const phrase of profile.detection?.phrases ?? []) {
      const p = normaliseProse(phrase).trim();
      if (p && found(p)) {
        score += 2;
        evidence.push(`"${phrase}"`);
      }
    }
    for (const area of matcherFor(profile).areas) {
      if (headingKeys.some((k) => area.phrases.some((p) => containsPhrase(k, p)))) {
        score += 1;
        evidence.push(`heading naming ${area.id}`);
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { profile, score, evidence };
  }
  return best;
}

const pieces = unitCache<string>();

/**
 * normaliseProse of the document's first DETECTION_LIMIT characters, put together from each
 * unit's text (from its start to the next unit's), normalised once per unit: a draft without
 * a framework in its front matter is detected again on every keystroke, and normalising
 * the whole text was most of that keystroke's time.
 *
 * The same string: normaliseProse works character by character but for runs of white
 * space, which become one space. A unit starts with a character that is not white space and
 * its text ends at a line break (or the end), so a run crosses from one unit into the next
 * only where the next one's text begins with white space once `*`, `_` and backticks are
 * removed (`* item`): a leading space after a trailing one is dropped.
 */
export function detectionProse(doc: Pick<ParsedDocument, 'text' | 'units' | 'starts'>): string {
  return proseParts(doc).join('');
}

/** The parts of `detectionProse`, one per unit (and one for the text before the first). */
function proseParts(doc: Pick<ParsedDocument, 'text' | 'units' | 'starts'>): string[] {
  const { text, units, starts } = doc;
  const limit = Math.min(text.length, DETECTION_LIMIT);
  const out = [normaliseProse(text.slice(0, Math.min(starts[0] ?? limit, limit)))];
  let endsInSpace = out[0].charCodeAt(out[0].length - 1) === 32;
  for (let i = 0; i < units.length && starts[i] < limit; i++) {
    const start = starts[i];
    const end = Math.min(i + 1 < units.length ? starts[i + 1] : text.length, limit);
    let piece = memo(pieces, units[i], end - start, undefined, () => normaliseProse(text.slice(start, end)));
    if (piece.charCodeAt(0) === 32 && endsInSpace) piece = piece.slice(1);
    if (piece.length) endsInSpace = piece.charCodeAt(piece.length - 1) === 32;
    out.push(piece);
  }
  return out;
}

const PHRASES = Symbol('detection phrases');

/** Where each detection phrase was in a version's prose (-1: nowhere). */
interface PhraseState {
  profiles: readonly Profile[];
  parts: string[];
  prose: string;
  /** The text was longer than DETECTION_LIMIT: the last part is cut, and moves with every edit. */
  capped: boolean;
  at: Map<string, number>;
}

/**
 * Whether each detection phrase of `profiles` is in the document's prose (as `containsPhrase`
 * on `detectionProse`), worked out from where the phrases were in the version the document
 * was edited from: an occurrence away from the edit is still there, and a new one must
 * overlap the edit, so a keystroke searches a few characters per phrase, not the whole text.
 *
 * The prose is compared with the previous version's as an unchanged prefix [0, a), the edit,
 * and an unchanged middle that ends at the end, or, when the text is cut at the limit, where
 * the last part begins (that part is another edit: the cut falls elsewhere in the text).
 */
export function detectionPhrases(doc: Pick<ParsedDocument, 'text' | 'units' | 'starts' | 'derived'>, profiles: readonly Profile[]): (phrase: string) => boolean {
  const parts = proseParts(doc);
  const prose = parts.join('');
  const capped = doc.text.length > DETECTION_LIMIT;
  const last = doc.derived.get(PHRASES) as PhraseState | undefined;
  const prev =
    last && last.capped === capped && last.profiles.length === profiles.length && last.profiles.every((p, i) => p === profiles[i]) ? last : undefined;
  // Where the unchanged middle ends, in the old and the new prose.
  const oldMid = prev ? prev.prose.length - (capped ? prev.parts[prev.parts.length - 1].length : 0) : 0;
  const newMid = prose.length - (capped ? parts[parts.length - 1].length : 0);
  const a = prev ? commonPrefix(prev.parts, prev.prose, parts, prose) : 0;
  const s = prev ? commonSuffix(prev.parts, prev.prose, oldMid, parts, prose, newMid, capped, Math.max(0, Math.min(oldMid, newMid) - a)) : 0;
  const shift = newMid - oldMid;
  const at = new Map<string, number>();
  for (const profile of profiles) {
    for (const phrase of profile.detection?.phrases ?? []) {
      const p = normaliseProse(phrase).trim();
      if (!p || at.has(p)) continue;
      const q = prev?.at.get(p);
      const m = p.length;
      let pos: number;
      if (q === undefined) {
        pos = firstOccurrence(prose, p, 0, prose.length);
      } else if (q >= 0 && q + m < a) {
        pos = q; // it and the characters around it are before the edit
      } else if (q >= 1 && q - 1 >= oldMid - s && (q + m < oldMid || (!capped && q + m === oldMid))) {
        pos = q + shift; // … after the edit
      } else if (q >= 0) {
        pos = firstOccurrence(prose, p, 0, prose.length);
      } else {
        // Not there before: an occurrence now overlaps the edit or the cut last part.
        pos = firstOccurrence(prose, p, Math.max(0, a - m), newMid - s);
        if (pos < 0) pos = firstOccurrence(prose, p, Math.max(0, a - m, newMid - m), prose.length);
      }
      at.set(p, pos);
    }
  }
  doc.derived.set(PHRASES, { profiles, parts, prose, capped, at } satisfies PhraseState);
  return (p) => (at.get(p) ?? firstOccurrence(prose, p, 0, prose.length)) >= 0;
}

/** The first occurrence of `phrase` as whole words (see containsPhrase) starting in [from, lastStart]. */
function firstOccurrence(text: string, phrase: string, from: number, lastStart: number): number {
  if (from > lastStart) return -1;
  // Search the window only: indexOf would run on to the end of the text.
  const windowed = lastStart + phrase.length < text.length;
  const window = windowed ? text.slice(from, lastStart + phrase.length) : text;
  const base = windowed ? from : 0;
  for (let at = window.indexOf(phrase, from - base); at >= 0; at = window.indexOf(phrase, at + 1)) {
    if (at + base > lastStart) return -1;
    if (wholeWordsAt(text, at + base, phrase.length)) return at + base;
  }
  return -1;
}

const WORD = /[a-z0-9]/;

function wholeWordsAt(text: string, at: number, length: number): boolean {
  const before = at === 0 ? ' ' : text[at - 1];
  const after = at + length >= text.length ? ' ' : text[at + length];
  return !WORD.test(before) && !WORD.test(after);
}

/**
 * Length of the common prefix of two texts made of parts: whole parts first (an unchanged
 * unit's part is the same string object), then character by character.
 */
function commonPrefix(xParts: string[], x: string, yParts: string[], y: string): number {
  let i = 0;
  let k = 0;
  while (i < xParts.length && i < yParts.length && xParts[i] === yParts[i]) k += xParts[i++].length;
  const max = Math.min(x.length, y.length);
  while (k < max && x.charCodeAt(k) === y.charCodeAt(k)) k++;
  return k;
}

/**
 * Length of the common suffix of x[0, xEnd) and y[0, yEnd), at most `max`. With `cut`, the
 * last parts are left out (xEnd and yEnd are where they begin).
 */
function commonSuffix(xParts: string[], x: string, xEnd: number, yParts: string[], y: string, yEnd: number, cut: boolean, max: number): number {
  let i = xParts.length - (cut ? 2 : 1);
  let j = yParts.length - (cut ? 2 : 1);
  let k = 0;
  while (i >= 0 && j >= 0 && xParts[i] === yParts[j] && k + xParts[i].length <= max) {
    k += xParts[i].length;
    i--;
    j--;
  }
  while (k < max && x.charCodeAt(xEnd - 1 - k) === y.charCodeAt(yEnd - 1 - k)) k++;
  return k;
}
