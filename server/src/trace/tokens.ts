import { stem } from './stem.js';
import { detach } from '../text/detach.js';

/**
 * Words that carry no evidence in an inspection report: English function words and the
 * vocabulary every paragraph of every report shares. Kept short: IDF weighting does the rest.
 */
const STOP = new Set(
  (
    'a about above after again against all also an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just more most no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'ensure ensuring improve improving improvement improvements make made continue develop developing strengthen increase review ' +
    'child children young people person local authority authorities service services council borough area work working well good many much ' +
    'inspector inspectors inspection report including include includes however although whether within without across ' +
    'number numbers level levels range further need needs needed new recent recently currently current time timely'
  ).split(/\s+/),
);

export interface TokenOptions {
  /** Abbreviation (as written, e.g. "CSE") -> expansion ("child sexual exploitation"). */
  abbreviations: Map<string, string>;
}

/** The words of a text as written (letters with inner apostrophes and hyphens, or numbers). */
export function words(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z'’-]*|\d+%?/g) ?? [];
}

/** The stemmed content tokens of one word as written, with an abbreviation's expansion first. */
export function tokensOfWord(raw: string, options: TokenOptions): string[] {
  const out: string[] = [];
  const bare = raw.replace(/['’]s?$/i, '').replace(/['’]/g, '');
  const abbr = options.abbreviations.get(bare) ?? options.abbreviations.get(bare.replace(/s$/, ''));
  if (abbr) {
    for (const w of abbr.split(/[\s-]+/)) pushWord(w, out);
  }
  for (const part of bare.split('-')) pushWord(part, out);
  return out;
}

function pushWord(word: string, out: string[]): void {
  let s = stems.get(word);
  if (s === undefined) {
    s = contentStem(word);
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(detach(word), (s = detach(s)));
  }
  if (s) out.push(s);
}

/**
 * Word → its stem, or '' for a word that carries no evidence. A report uses a few thousand
 * distinct words tens of thousands of times, so the stemmer runs once per distinct word.
 */
const stems = new Map<string, string>();
const STEMS_KEPT = 100_000;

function contentStem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length < 2 || STOP.has(lower) || /^\d+%?$/.test(lower)) return '';
  const s = stem(lower);
  return s.length >= 2 && !STOP.has(s) ? s : '';
}

/**
 * Abbreviations a report defines for itself: "Multi-Agency Safeguarding Hub (MASH)". The
 * expansion is the words before the parenthesis whose initials spell the abbreviation. The
 * first definition of an abbreviation wins: later uses of "(MASH)" need no reading (a long
 * report has hundreds).
 */
export function definedAbbreviations(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const use of abbreviationUses(text)) {
    if (found.has(use.abbr)) continue;
    const expansion = expansionAt(text, use.index, use.abbr);
    if (expansion) found.set(use.abbr, expansion);
  }
  return found;
}

/** How far before "(ABBR)" its expansion is looked for. */
export const EXPANSION_REACH = 200;

/** Each "(ABBR)" in `text`: where it is, and the abbreviation (a plural "s" dropped). */
export function abbreviationUses(text: string): { index: number; abbr: string }[] {
  const uses: { index: number; abbr: string }[] = [];
  const re = /\(([A-Z][A-Za-z]{1,7})\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) uses.push({ index: m.index, abbr: detach(m[1].replace(/s$/, '')) });
  return uses;
}

/** What "(abbr)" at `index` of `text` stands for, if the words before it spell it. */
export function expansionAt(text: string, index: number, abbr: string): string | undefined {
  const letters = abbr.replace(/[a-z]/g, '').toLowerCase();
  if (letters.length < 2) return undefined;
  const before = text.slice(Math.max(0, index - EXPANSION_REACH), index).split(/[\s]+/).filter(Boolean);
  const words: string[] = [];
  let need = letters.length;
  for (let i = before.length - 1; i >= 0 && need > 0 && words.length < letters.length + 4; i--) {
    const w = before[i].replace(/[^A-Za-z-]/g, '');
    if (!w) break;
    words.unshift(w);
    if (!/^(of|and|the|for|to|in|on|a)$/i.test(w)) need -= w.split('-').length;
  }
  const initials = words.filter((w) => !/^(of|and|the|for|to|in|on|a)$/i.test(w)).flatMap((w) => w.split('-')).map((w) => w[0]?.toLowerCase()).join('');
  return initials === letters ? words.join(' ') : undefined;
}
