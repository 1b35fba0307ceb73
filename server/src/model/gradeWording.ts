import type { Profile, GradeDef } from '../profiles/types.js';
import type { JudgementStatement } from './types.js';

const COPULA_BEFORE = /(?:\b(?:is|are|was|were|be|remains?)|\bthat(?:\s+it)?|[:\u2013\u2014-])\s*$/i;

/**
 * The words to write for `target` in place of a statement's grade, in the grammatical form
 * the sentence needs. `before` is the text just before the grade phrase.
 * - "Grade 2 (good)" style stays in that style; a table cell gets the label;
 * - after "is"/"are"/":" the grade is an adjective or "requires improvement" as written;
 * - where the grade is the verb ("… require improvement"), an adjective target gets a verb
 *   ("… are good"), plural when the original was plural;
 * - the original's capitalisation is kept.
 */
export function gradeWording(profile: Profile, statement: JudgementStatement, target: string, before: string): string | undefined {
  const to = profile.grades.find((g) => g.id === target);
  const from = profile.grades.find((g) => g.id === statement.grade);
  if (!to) return undefined;
  const written = statement.gradeText;
  const lower = written.toLowerCase().replace(/\s+/g, ' ');
  let words: string;
  if (/^grade\s*\d/i.test(written) || /\(grade\s*\d\)/i.test(written)) {
    words = to.headingForm ?? `Grade ${to.rank} (${to.label.toLowerCase()})`;
  } else if (statement.kind === 'table') {
    words = to.label;
  } else if (COPULA_BEFORE.test(before.replace(/[*_]/g, ''))) {
    words = singularOf(to);
  } else {
    const plural = !!from && isPluralForm(from, lower);
    if (isVerbal(to)) words = plural ? pluralOf(to) : singularOf(to);
    else words = `${plural ? 'are' : 'is'} ${singularOf(to)}`;
  }
  return matchCase(written, words);
}

function isVerbal(g: GradeDef): boolean {
  return /^requires?\s/.test(singularOf(g));
}

function singularOf(g: GradeDef): string {
  return g.singularForm ?? g.label.toLowerCase();
}

function pluralOf(g: GradeDef): string {
  return g.pluralForm ?? singularOf(g);
}

function isPluralForm(g: GradeDef, lower: string): boolean {
  return !!g.pluralForm && lower.startsWith(g.pluralForm.toLowerCase()) && g.pluralForm.toLowerCase() !== singularOf(g).toLowerCase();
}

function matchCase(original: string, words: string): string {
  if (/^[A-Z]/.test(original)) return words.charAt(0).toUpperCase() + words.slice(1);
  if (/^[a-z]/.test(original)) return words.charAt(0).toLowerCase() + words.slice(1);
  return words;
}
