import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainFromRecipe, type PlainRecipe } from '../../server/src/model/mdastText.js';
import { assertProperty } from '../robustness/seed.js';

/*
 * plainFromRecipe stops reading a long piece once the text it makes has more than `limit`
 * characters: it must give what joining every piece taken, collapsing white space, trimming
 * and cutting at `limit` gives.
 */

/** The definition: pieces taken while the values read are under `limit`, joined, collapsed, trimmed, cut. */
function plainByDefinition(recipe: PlainRecipe, text: string, origin: number, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < recipe.length && length < limit; i++) {
    const piece = recipe[i];
    if (piece === null) parts.push(' ');
    else if (typeof piece === 'string') {
      parts.push(piece);
      length += piece.length;
    } else {
      const end = recipe[++i] as number;
      parts.push(text.slice(origin + piece, origin + end));
      length += end - piece;
    }
  }
  const joined = parts.join('').replace(/\s+/g, ' ').trim();
  return joined.length > limit ? joined.slice(0, limit) : joined;
}

// Text heavy in white space of every kind JavaScript's \s knows, and in runs of it.
const char = fc.constantFrom('a', 'b', 'Z', '.', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'é', '’');
const textArb = fc.array(char, { maxLength: 80 }).map((cs) => cs.join(''));

describe('plain text of a unit', () => {
  it('reads only as much of a long piece as the cut needs, with the same result', () => {
    assertProperty(
      fc.property(
        textArb,
        fc.array(fc.oneof(fc.constant(null), textArb, fc.tuple(fc.nat(80), fc.nat(80))), { maxLength: 8 }),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(300), fc.constant(Infinity)),
        (text, pieces, limit) => {
          const recipe: PlainRecipe = [];
          for (const p of pieces) {
            if (Array.isArray(p)) {
              const [a, b] = [Math.min(p[0], p[1], text.length), Math.min(Math.max(p[0], p[1]), text.length)];
              recipe.push(a, b);
            } else recipe.push(p);
          }
          assert.equal(plainFromRecipe(recipe, text, 0, limit), plainByDefinition(recipe, text, 0, limit));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
