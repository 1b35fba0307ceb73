import fc from 'fast-check';

/*
 * Generators of awkward Markdown for the parsing property tests: whole documents built from
 * blocks that test the parser's boundaries, and pieces of text that edits insert.
 */

/**
 * A fraction in [0, 1), uniformly: where in a text an edit lands. (fc.double({ min: 0, max: 1 })
 * draws from the doubles' bit patterns: nine values in ten are below 1e-6, so "random"
 * positions were nearly all the start of the text, the rest its end.)
 */
export const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** Blocks that end or run on in every way a parse must get right. */
export const SYNTHETIC_BLOCKS = [
  '# Summary of findings\n',
  '## Areas for improvement\n',
  'Inspectors found that children are safe. See paragraph 2.\n',
  '1. First numbered paragraph, citing paragraphs 2 and 3.\n',
  '2. Second numbered paragraph.\n3. Third, tight.\n4. Fourth, tight.\n',
  '5. Loose item\n\n   with a continuation.\n',
  '- 6. A legacy bullet.\n',
  // Numbered items that end before the bullet holding them does (blocks.ts nestedItems).
  '- 10. A legacy bullet whose item ends early\n   ---\n  and words of the bullet after it.\n',
  '- a bullet holding a list\n\n  9. nested item\n  > quoted\n  and words of the bullet after it.\n',
  '- a bullet\n- another bullet\n',
  '```\nfenced code\n\nwith a blank line\n```\n',
  '~~~\nunclosed tilde fence\n',
  '<!-- a comment\n\nover a blank line -->\n',
  // Markup and autolinks next to words across white space that is not a space.
  'Words\u2003*apart*\u00a0www.example.com\ufeffsnake_case_ word\u3000me@example.org (see)\n',
  '<div>\nhtml block\n</div>\n',
  '| Judgement | Grade |\n| --- | --- |\n| Leadership, management and governance | Good |\n',
  '> a quote\ncontinued lazily\n',
  'Setext heading\n---\n',
  '    indented code\n\n    more code\n',
  'A paragraph\nwith a lazy line 7. inside it.\n',
  '***\n',
  '8) other delimiter\n',
  '* starred item\n* second\n',
  '_emphasis_ opening a paragraph\n',
  'Inspection of services for children\n',
  // Definitions resolve references anywhere, before or after them (definitions.ts).
  '[^1]: A footnote, defined.\n',
  '[ofsted]: https://www.gov.uk/ofsted\n',
  '9. A finding citing [Ofsted], [the framework][ofsted] and a note[^1], and [undefined].\n',
  '- a bullet with a footnote[^2]\n',
];

export const syntheticDoc = fc
  .array(fc.constantFrom(...SYNTHETIC_BLOCKS), { minLength: 1, maxLength: 14 })
  .chain((blocks) =>
    fc.tuple(
      fc.constant(blocks),
      fc.array(fc.constantFrom('\n', '', '\n\n'), { minLength: blocks.length, maxLength: blocks.length }),
      fc.boolean(),
      fc.boolean(),
    ),
  )
  .map(([blocks, gaps, frontMatter, crlf]) => {
    let text = (frontMatter ? '---\nframework: ofsted-sif-2013\n---\n\n' : '') + blocks.map((b, i) => b + gaps[i]).join('');
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });

export const INSERTS = [
  'x',
  ' ',
  'word ',
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '7',
  '12. ',
  '1) ',
  '- ',
  '* ',
  '- 26. ',
  '# ',
  '```',
  '\n```\n',
  '~~~\n',
  '<!--',
  '-->',
  '<div>\n',
  '---',
  '\n---\n',
  '===\n',
  '    ',
  '> ',
  '| a | b |\n| --- | --- |\n',
  'paragraph 12',
  'paragraphs 3 to 5',
  '[^1]: a footnote\n',
  '[x]: https://example.org\n',
  'requires improvement',
  'Good',
];
