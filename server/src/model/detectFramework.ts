import type { Profile } from '../profiles/types.js';
import { containsPhrase, normaliseProse } from '../text/normalise.js';
import { matcherFor } from './sections.js';

export interface Detection {
  profile: Profile;
  score: number;
  evidence: string[];
}

/**
 * Guess the framework of a draft that does not name one: each profile scores 2 for each of
 * its detection phrases found in the text and 1 for each judgement area named in a heading.
 * Returns undefined when nothing scores.
 */
export function detectFramework(text: string, headingKeys: string[], profiles: Profile[]): Detection | undefined {
  // Cap the text scanned: the signals are in the first pages of every real report.
  const prose = normaliseProse(text.length > 200_000 ? text.slice(0, 200_000) : text);
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

