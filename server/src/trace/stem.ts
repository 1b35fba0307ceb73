/*
 * A light stemmer for British English report prose. It need not produce words, only the same
 * stem for the forms an inspector uses of one word ("assessments", "assessed", "assessing"
 * → "assess"; "organisation", "organization" → "organis"). Applied to both sides of every
 * comparison, so its occasional over-stemming costs little.
 */
const SUFFIXES: [string, string][] = [
  ['isations', 'is'], ['izations', 'is'], ['isation', 'is'], ['ization', 'is'],
  ['ational', 'ate'], ['ations', 'ate'], ['ation', 'ate'],
  ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['ements', 'e'], ['ement', 'e'], ['ments', ''], ['ment', ''],
  ['ities', ''], ['ity', ''], ['ness', ''], ['ings', ''], ['ing', ''],
  ['ised', 'is'], ['ized', 'is'], ['ises', 'is'], ['izes', 'is'], ['ise', 'is'], ['ize', 'is'],
  ['ies', 'y'], ['ied', 'y'], ['ions', ''], ['ion', ''],
  ['ally', 'al'], ['ly', ''], ['ed', ''], ['es', ''], ['ers', ''], ['er', ''], ['s', ''],
];

export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length + replacement.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }
  // Undouble a final consonant left by -ing/-ed ("planning" → "plann" → "plan").
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  // Fold a final e so "assessments"/"assess", "practice"/"practis" meet more often.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
