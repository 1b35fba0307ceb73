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
 * Returns undefined when nothing scores. `prose`, when given, is `detectionProse` of the text.
 */
export function detectFramework(text: string, headingKeys: string[], profiles: Profile[], prose?: string): Detection | undefined {
  prose ??= normaliseProse(text.length > DETECTION_LIMIT ? text.slice(0, DETECTION_LIMIT) : text);
  let best: Detection | undefined;
  for (const profile of profiles) {
    const evidence: string[] = [];
    let score = 0;
    for (const phrase of profile.detection?.phrases ?? []) {
      const p = normaliseProse(phrase).trim();
      if (p && containsPhrase(prose, p)) {
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
  const { text, units, starts } = doc;
  const limit = Math.min(text.length, DETECTION_LIMIT);
  let out = normaliseProse(text.slice(0, Math.min(starts[0] ?? limit, limit)));
  for (let i = 0; i < units.length && starts[i] < limit; i++) {
    const start = starts[i];
    const end = Math.min(i + 1 < units.length ? starts[i + 1] : text.length, limit);
    let piece = memo(pieces, units[i], end - start, undefined, () => normaliseProse(text.slice(start, end)));
    if (piece.charCodeAt(0) === 32 && out.charCodeAt(out.length - 1) === 32) piece = piece.slice(1);
    out += piece;
  }
  return out;
}
