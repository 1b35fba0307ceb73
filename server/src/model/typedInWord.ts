import type { BlockFacts, ItemFacts } from './blocks.js';
import { TEXT_LIMIT } from './blocks.js';
import type { CrossReference } from './types.js';
import { isWhiteSpace, plainFromRecipe, type PlainRecipe } from './mdastText.js';
import { findReferences } from './references.js';
import { lastAtOrBefore } from '../text/search.js';
import { isBlankChar } from './boundaries.js';

/*
 * Letters typed (or deleted) inside a word of a paragraph or list item: most keystrokes.
 * They cannot change how the unit parses, so its facts are derived from the old ones without
 * calling remark (a fifth of a keystroke's time, and of what it allocates).
 *
 * Why the parse cannot change, given the conditions typedInWord checks:
 * - the change only removes and inserts ASCII letters, right after a letter or at the start
 *   of a word (after a space or tab, before a letter), inside one text node whose value is
 *   its source as written (so the new value is the old one with the same letters changed, at
 *   the same place);
 * - the word around the change, before and after it (the run of characters between white
 *   space), is letters with at most apostrophes and hyphens inside, an opening bracket or
 *   quote before and closing punctuation after: no emphasis, code, link, HTML, entity or
 *   escape character can be next to the change, so no delimiter's neighbours change kind;
 *   no `www` or `http` (GFM autolink literals) nor `@` (email autolinks);
 * - the change is not at a line start (a letter, space or tab is before it, inside the text
 *   node: not a line's indentation, which a verbatim node does not hold), so no block starts
 *   or stops (no block marker, underline, fence, table row or thematic break is made of
 *   letters);
 * - the document has no link or footnote definitions (whose labels letters could match).
 * The property tests in test/unit/incremental.test.ts check the result against a whole parse.
 */

const LETTERS = /^[A-Za-z]*$/;
const WORD = /^[("'\u2018\u201c]?[A-Za-z][A-Za-z'\u2019-]*[.,;:!?)"'\u2019\u201d]*$/;
const AUTOLINK_TEXT = /www|http/i;

interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The units and starts after a change typed inside a word of one unit (see above), or
 * undefined when the change is not one (the caller parses).
 */
export function typedInWord(
  units: readonly BlockFacts[],
  starts: readonly number[],
  oldText: string,
  newText: string,
  c: Change,
): { units: BlockFacts[]; starts: number[] } | undefined {
  const k = lastAtOrBefore(starts, c.start);
  const unit = units[k];
  if (!unit || (unit.kind !== 'paragraph' && unit.kind !== 'item')) return undefined;
  const origin = starts[k];
  const rel = c.start - origin;
  const relEnd = c.oldEnd - origin;
  if (rel <= 0 || relEnd > unit.span.end) return undefined;
  const facts = unit.kind === 'item' ? unit.item : unit;
  const node = verbatimNodeAround(facts.plain, rel, relEnd);
  if (!node) return undefined;
  // Right after a letter, or at the start of a word (after a space, before a letter).
  const before = oldText.charCodeAt(c.start - 1);
  if (!isLetter(before) && !(isBlankChar(before) && isLetter(oldText.charCodeAt(c.oldEnd)))) return undefined;
  if (!LETTERS.test(oldText.slice(c.start, c.oldEnd)) || !LETTERS.test(newText.slice(c.start, c.newEnd))) return undefined;
  if (!plainWord(oldText, c.start, c.oldEnd) || !plainWord(newText, c.start, c.newEnd)) return undefined;

  const delta = c.newEnd - c.oldEnd;
  const plain = shiftRecipe(facts.plain, node, delta);
  const text = plainFromRecipe(plain, newText, origin, TEXT_LIMIT);
  const refs = retypedReferences(facts.refs, node, delta, newText.slice(origin + node.start, origin + node.end + delta));
  let next: BlockFacts;
  if (unit.kind === 'item') {
    const item = unit.item;
    const moved = (end: number | undefined) => (end !== undefined && end >= relEnd ? end + delta : end);
    const updated: ItemFacts = { ...item, span: { start: item.span.start, end: item.span.end + delta }, text, joinEnd: moved(item.joinEnd), refs, plain };
    if (item.nestedItems) updated.nestedItems = item.nestedItems.map((e) => ({ at: moved(e.at)!, end: moved(e.end)! }));
    next = { kind: 'item', span: updated.span, item: updated };
  } else {
    next = { ...unit, span: { start: unit.span.start, end: unit.span.end + delta }, text, joinEnd: unit.joinEnd + delta, refs, plain };
  }
  const outUnits = units.slice();
  outUnits[k] = next;
  const outStarts = starts.slice();
  for (let i = k + 1; i < outStarts.length; i++) outStarts[i] += delta;
  return { units: outUnits, starts: outStarts };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Is the run of characters between white space around [start, end) of `text` a plain word (see above)? */
function plainWord(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !isWhiteSpace(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && !isWhiteSpace(text.charCodeAt(b))) b++;
  const word = text.slice(a, b);
  return WORD.test(word) && !AUTOLINK_TEXT.test(word);
}

/** The verbatim text node of a recipe holding [rel, relEnd] after its first character. */
function verbatimNodeAround(plain: PlainRecipe, rel: number, relEnd: number): { at: number; start: number; end: number } | undefined {
  for (let i = 0; i < plain.length; i++) {
    const piece = plain[i];
    if (typeof piece !== 'number') continue;
    const end = plain[++i] as number;
    if (piece < rel && relEnd <= end) return { at: i - 1, start: piece, end };
  }
  return undefined;
}

/** The recipe with the node at `node.at` longer by `delta`, and the nodes after it moved. */
function shiftRecipe(plain: PlainRecipe, node: { at: number; end: number }, delta: number): PlainRecipe {
  const out = plain.slice();
  out[node.at + 1] = node.end + delta;
  for (let i = 0; i < out.length; i++) {
    const piece = out[i];
    if (typeof piece !== 'number') continue;
    if (piece >= node.end && i !== node.at) {
      out[i] = piece + delta;
      out[i + 1] = (out[i + 1] as number) + delta;
    }
    i++;
  }
  return out;
}

/**
 * The unit's references with those in the changed text node found again (in its new source,
 * `source`) and those after it moved. References are found node by node, in document order
 * (blocks.ts collectReferences): none spans two nodes.
 */
function retypedReferences(refs: readonly CrossReference[], node: { start: number; end: number }, delta: number, source: string): CrossReference[] {
  const out: CrossReference[] = [];
  let i = 0;
  while (i < refs.length && refs[i].span.start < node.start) out.push(refs[i++]);
  findReferences(source, node.start, -1, out);
  while (i < refs.length && refs[i].span.start < node.end) i++;
  for (; i < refs.length; i++) out.push(moved(refs[i], delta));
  return out;
}

function moved(ref: CrossReference, delta: number): CrossReference {
  return {
    ...ref,
    span: { start: ref.span.start + delta, end: ref.span.end + delta },
    numbers: ref.numbers.map((n) => ({ ...n, span: { start: n.span.start + delta, end: n.span.end + delta } })),
  };
}
