import type { Profile } from '../profiles/types.js';

/*
 * Phrase search in source text with offsets kept: the text is "masked" (emphasis markers
 * and typographic quotes replaced one-for-one) so a match's offsets are offsets into the
 * document. Patterns are alternations of literal words joined by \s+: linear to scan.
 */

/** Same length as `text`: `*`, `_` and backticks become spaces, curly quotes straight. */
export function mask(text: string): string {
  return text.replace(/[*_`]/g, ' ').replace(/[\u2018\u2019]/g, "'");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source matching any of `phrases` as whole words, longest first. */
export function alternation(phrases: string[]): string {
  const sorted = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return sorted.map((p) => p.split(/\s+/).map(escape).join('\\s+')).join('|');
}

export interface GradeMatcher {
  /** Matches any grade phrase of the profile; group 1 is the phrase. */
  grade: RegExp;
  /** Phrase (lower case, single-spaced) -> grade id. */
  byPhrase: Map<string, string>;
}

const cache = new WeakMap<Profile, GradeMatcher>();

export function gradeMatcher(profile: Profile): GradeMatcher {
  let m = cache.get(profile);
  if (m) return m;
  const byPhrase = new Map<string, string>();
  for (const g of profile.grades) {
    for (const p of [...g.phrases, g.label]) byPhrase.set(p.toLowerCase().replace(/\s+/g, ' ').trim(), g.id);
  }
  m = { grade: new RegExp(`(?<![\\w-])(${alternation([...byPhrase.keys()])})(?![\\w-])`, 'gi'), byPhrase };
  cache.set(profile, m);
  return m;
}

/** Grade id of a phrase as written (any case, any spacing), if the profile has it. */
export function gradeOf(profile: Profile, written: string): string | undefined {
  return gradeMatcher(profile).byPhrase.get(written.toLowerCase().replace(/[*_]/g, '').replace(/\s+/g, ' ').trim());
}

/**
 * Grade words in use across inspectorates: a word here that the active profile does not have
 * is judgement/unknown-grade ("Adequate" under the single inspection framework).
 */
export const GRADE_VOCABULARY = [
  'outstanding', 'good', 'requires improvement', 'require improvement', 'requires improvement to be good',
  'adequate', 'inadequate', 'satisfactory', 'excellent', 'poor', 'grade 1', 'grade 2', 'grade 3', 'grade 4',
];
export const VOCABULARY_PATTERN = new RegExp(`(?<![\\w-])(${alternation(GRADE_VOCABULARY)})(?![\\w-])`, 'gi');
