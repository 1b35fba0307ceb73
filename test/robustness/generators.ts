import fc from 'fast-check';

/*
 * Random reports that look like real drafts: headings naming judgement areas and roles,
 * numbered paragraphs with gaps, duplicates and legacy bullets, fragments that lost their
 * number or hold a stray one, cross-references (single, lists, ranges, hidden), grade tables
 * and sentences, front matter; with CRLF, tabs or a BOM.
 */
const HEADINGS = [
  'Summary of findings', 'Areas for improvement', 'Strengths', 'Priority and immediate action',
  'Leadership and management', 'The effectiveness of leaders and managers', 'Overall effectiveness',
  'Safeguarding services', 'Looked after children', 'The experiences and progress of children in care',
  'Review of the effectiveness of the local safeguarding children board', 'Other', 'Contents²',
];
const GRADES = ['good', 'Good', 'outstanding', 'requires improvement', 'inadequate', 'adequate', 'Grade 2 (good)', 'Requires improvement to be good'];
const WORDS = ['the', 'children', 'leaders', 'is', 'are', 'good', 'plans', 'and', 'of', 'Cafcass', 'LADO', 'café', '👍', 'e\u0301'];

const n = fc.integer({ min: 0, max: 40 });
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const reference = fc.oneof(
  n.map((a) => `see paragraph ${a}`),
  fc.tuple(n, n).map(([a, b]) => `paragraphs ${a} and ${b}`),
  fc.tuple(n, n).map(([a, b]) => `paragraphs ${a} to ${b}`),
  fc.tuple(n, n).map(([a, b]) => `paras ${a}\u2013${b}`),
  fc.tuple(n, n).map(([a, b]) => `<!-- findings: ${a}, ${b} -->`),
  n.map((a) => `paragraph ${a} of Schedule 2`),
);

const block = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(n, sentence, fc.option(reference)).map(([k, s, r]) => `${k}. ${s}${r ? ` (${r})` : ''}.`) },
  { weight: 1, arbitrary: fc.tuple(n, sentence).map(([k, s]) => `${k}) ${s}.`) },
  { weight: 1, arbitrary: fc.tuple(n, sentence).map(([k, s]) => `- ${k}. ${s}.`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(...HEADINGS), fc.option(fc.constantFrom(...GRADES))).map(([l, h, g]) => `${'#'.repeat(l)} ${h}${g ? `: ${g}` : ''}`) },
  { weight: 2, arbitrary: sentence.map((s) => `${s} continues the paragraph.`) },
  { weight: 1, arbitrary: fc.tuple(sentence, n, sentence).map(([a, k, b]) => `${a} ${k}. ${b.toLowerCase()}`) },
  { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HEADINGS), fc.constantFrom(...GRADES)).map(([h, g]) => `| Judgement | Grade |\n|---|---|\n| ${h} | ${g} |`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HEADINGS), fc.constantFrom(...GRADES)).map(([h, g]) => `The ${h.toLowerCase()} is ${g}.`) },
  { weight: 1, arbitrary: fc.tuple(n, fc.constantFrom(...HEADINGS), fc.constantFrom(...GRADES)).map(([k, h, g]) => `${k}. ${h}\t${g}`) },
  { weight: 1, arbitrary: fc.constantFrom('```\n3. in code\n```', '<!-- a comment -->', '> 4. quoted', '\t8. tabbed') },
);

const frontMatter = fc.option(fc.constantFrom('---\nframework: ofsted-sif-2013\n---', '---\nframework: ofsted-ilacs-2018\n---', '---\nframework: nope\n---', '---\n[bad\n---', '---\nauthority: X\n---'));

export const reportArbitrary = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('\n\n', '\n'), fc.boolean())
  .map(([fm, blocks, eol, gap, bom]) => {
    const body = (fm ? [fm, ...blocks] : blocks).join(gap).replace(/\n/g, eol) + eol;
    return (bom ? '\uFEFF' : '') + body;
  });

/** Structure-aware mutations of a real report: cut, duplicate, swap and corrupt its lines. */
export function mutate(text: string, random: () => number): string {
  const lines = text.split(/(?<=\n)/);
  const pick = () => Math.floor(random() * lines.length);
  const ops = 1 + Math.floor(random() * 8);
  for (let i = 0; i < ops && lines.length; i++) {
    const at = pick();
    switch (Math.floor(random() * 12)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, lines[pick()]); break;
      case 2: { const b = pick(); [lines[at], lines[b]] = [lines[b], lines[at]]; break; }
      case 3: lines[at] = lines[at].replace(/\d+/, () => String(Math.floor(random() * 1e6))); break;
      case 4: lines[at] = lines[at].replace(/\n$/, '\r\n'); break;
      case 5: lines[at] = lines[at].slice(0, Math.floor(random() * lines[at].length)); break;
      case 6: lines[at] = ['- ', '> ', '# ', '1. ', '| ', '```\n', '<!-- ', '---\n', '\t', '\uFEFF', '*', '\r'][Math.floor(random() * 12)] + lines[at]; break;
      case 7: lines[at] = lines[at].replace(/\s/, () => ' paragraph ' + Math.floor(random() * 300) + ' '); break;
      case 8: lines[at] = randomString(random, 1 + Math.floor(random() * 40)) + lines[at]; break;
      case 9: lines[at] = lines[at].repeat(1 + Math.floor(random() * 20)); break;
      case 10: lines.splice(at, 0, '\n'); break;
      default: { const s = lines[at]; const k = Math.floor(random() * (s.length + 1)); lines[at] = s.slice(0, k) + randomString(random, 3) + s.slice(k); }
    }
  }
  return lines.join('');
}

const ALPHABET = ['a', ' ', '\t', '\n', '\r', '1', '9', '.', ')', '-', '*', '_', '#', '>', '|', '<', '!', '`', '[', ']', '(', '~', '\u2013', '\u00A0', 'é', '😀', '\uD800', '\u0000', '\uFEFF'];

/** Random characters from the ones Markdown and our patterns care about, plus any code unit. */
export function randomString(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += random() < 0.8 ? ALPHABET[Math.floor(random() * ALPHABET.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return out;
}

/** Random bytes decoded as UTF-8 (invalid sequences become U+FFFD, as an editor shows them). */
export function randomBytesText(random: () => number, length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return new TextDecoder('utf-8').decode(bytes);
}
