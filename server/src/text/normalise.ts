/**
 * Normalisation of heading and cell text before it is matched against a profile's phrases:
 * case, emphasis, footnote marks (`²`, `<sup>2</sup>`, `[^2]`), HTML comments, leading
 * numbering (`2.1`), curly quotes and trailing punctuation are ignored.
 */
const SUPERSCRIPT_DIGITS = /[\u00B9\u00B2\u00B3\u2070-\u2079]+/g;

export function normaliseHeading(raw: string): string {
  const key = stripHtmlComments(raw, ' ')
    .replace(/<sup>[^<]{0,20}<\/sup>/gi, ' ')
    .replace(/\[\^[^\]]{0,40}\]/g, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(SUPERSCRIPT_DIGITS, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/^[\s#■●•▪\-]*(?:\d+(?:\.\d+)*\.?\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  // Trailing punctuation, by hand: /[\s.:;,!?]+$/ retries from every character of a long
  // run of punctuation that does not end the text (quadratic).
  let end = key.length;
  while (end > 0 && TRAILING.test(key[end - 1])) end--;
  return end === key.length ? key : key.slice(0, end);
}

const TRAILING = /[\s.:;,!?]/;

/**
 * `<!-- … -->` removed (replaced by `replacement`), in linear time. The regex
 * /<!--[\s\S]*?-->/g scans to the end of the text from every unclosed `<!--`: quadratic
 * on a line of them. An unclosed comment is kept, as the regex keeps it.
 */
export function stripHtmlComments(text: string, replacement = ''): string {
  let at = text.indexOf('<!--');
  if (at < 0) return text;
  let out = '';
  let last = 0;
  while (at >= 0) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) break;
    out += text.slice(last, at) + replacement;
    last = end + 3;
    at = text.indexOf('<!--', last);
  }
  return out + text.slice(last);
}

/** Each HTML comment in `text`: start and end offsets (linear, unclosed ones ignored). */
export function htmlComments(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) break;
    out.push({ start: at, end: end + 3 });
    at = text.indexOf('<!--', end + 3);
  }
  return out;
}

/** Lower-case, single-spaced, typographic quotes and dashes folded: for phrase search in prose. */
export function normaliseProse(raw: string): string {
  return raw
    .replace(/[*_`]+/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Does `text` contain `phrase` as whole words? Both already normalised. */
export function containsPhrase(text: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    const before = at === 0 ? ' ' : text[at - 1];
    const after = at + phrase.length >= text.length ? ' ' : text[at + phrase.length];
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}
