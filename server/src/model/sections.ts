import type { Profile, SectionRole } from '../profiles/types.js';
import { containsPhrase, normaliseHeading } from '../text/normalise.js';

/** A profile's phrases, normalised once per profile. */
export interface ProfileMatcher {
  roles: { role: SectionRole; phrases: string[] }[];
  areas: { id: string; part?: string; phrases: string[] }[];
  parts: { id: string; phrases: string[] }[];
  restartAfter: string[];
}

const cache = new WeakMap<Profile, ProfileMatcher>();

export function matcherFor(profile: Profile): ProfileMatcher {
  let m = cache.get(profile);
  if (m) return m;
  const norm = (list: string[] | undefined) => (list ?? []).map(normaliseHeading).filter((p) => p.length > 0);
  const s = profile.sections ?? {};
  m = {
    // Order matters: "other" wins (e.g. "What the inspection judgements mean"), then the
    // more specific roles before the general ones.
    roles: [
      { role: 'other', phrases: norm(s.other) },
      { role: 'priority-action', phrases: norm(s['priority-action']) },
      { role: 'improvements', phrases: norm(s.improvements) },
      { role: 'strengths', phrases: norm(s.strengths) },
      { role: 'summary', phrases: norm(s.summary) },
    ],
    areas: profile.judgements.map((a) => ({ id: a.id, part: a.part, phrases: norm([a.name, ...(a.aliases ?? [])]) })),
    parts: (profile.parts ?? []).map((p) => ({ id: p.id, phrases: norm([p.name, ...(p.aliases ?? [])]) })),
    restartAfter: norm(profile.numbering?.restartAfter),
  };
  cache.set(profile, m);
  return m;
}

/** Longest phrase of `phrases` contained in `key`, or 0. */
function longestMatch(key: string, phrases: string[]): number {
  let best = 0;
  for (const p of phrases) if (p.length > best && containsPhrase(key, p)) best = p.length;
  return best;
}

export interface HeadingClass {
  role: SectionRole;
  area?: string;
  /** The heading opens a part of the report (SLAC: safeguarding / looked after children). */
  part?: string;
}

/**
 * The role of a heading. `part` is the part the heading sits in (from an earlier part
 * heading), used to tell apart areas that share a name across parts.
 */
export function classifyHeading(key: string, profile: Profile, part: string | undefined): HeadingClass {
  const m = matcherFor(profile);
  for (const p of m.parts) {
    if (p.phrases.some((phrase) => key === phrase)) return { role: 'other', part: p.id };
  }
  for (const { role, phrases } of m.roles) {
    if (longestMatch(key, phrases) > 0) return { role };
  }
  const area = matchArea(key, profile, part);
  if (area) return { role: 'judgement', area };
  return { role: 'other' };
}

/** The judgement area a piece of text names (longest name or alias wins; same part preferred). */
export function matchArea(key: string, profile: Profile, part: string | undefined): string | undefined {
  let best: { id: string; length: number; samePart: boolean } | undefined;
  for (const a of matcherFor(profile).areas) {
    const length = longestMatch(key, a.phrases);
    if (length === 0) continue;
    const samePart = part !== undefined && a.part === part;
    if (
      !best ||
      (samePart && !best.samePart) ||
      (samePart === best.samePart && length > best.length)
    ) {
      best = { id: a.id, length, samePart };
    }
  }
  return best?.id;
}

export function isRestartHeading(key: string, profile: Profile): boolean {
  return matcherFor(profile).restartAfter.some((p) => containsPhrase(key, p));
}
