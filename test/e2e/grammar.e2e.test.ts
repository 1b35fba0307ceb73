/**
 * The TextMate grammar tokenised exactly as VS Code 1.100.3 does it (code-server's own
 * vscode-textmate, oniguruma and Markdown grammar): each mark gets its scope, and Markdown
 * keeps working around it.
 */
import * as assert from 'node:assert/strict';
import { ROOT } from './codeServer.js';
import { loadTokenizer, type Token } from './grammar.js';

describe('TextMate grammar (VS Code 1.100.3 tokeniser)', () => {
  let tokenize: (text: string) => Token[][];
  before(async () => {
    tokenize = await loadTokenizer(ROOT);
  });
  /** Scopes (below the root) of the first token whose text is `text` on the given line. */
  const scopesOf = (lines: Token[][], line: number, text: string) => {
    const t = lines[line].find((x) => x.text === text);
    assert.ok(t, `token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line].map((x) => x.text))}`);
    return t.scopes.join(' ');
  };

  it('marks paragraph numbers at the start of a line, including legacy bullets', () => {
    const lines = tokenize('27. Reviews take place on time.\n- 10. Ensure that decisions are made.\nIn 2015 there were 12. cases');
    assert.match(scopesOf(lines, 0, '27'), /constant\.numeric\.paragraph-number\.inspection-report/);
    assert.match(scopesOf(lines, 1, '10'), /constant\.numeric\.paragraph-number\.legacy\.inspection-report/);
    assert.ok(!lines[2].some((t) => t.scopes.some((s) => s.includes('paragraph-number'))));
  });

  it('gives each grade its own scope, in prose, tables, bold and headings', () => {
    const lines = tokenize(
      [
        '## The overall judgement is **requires improvement**',
        '| 2.1 Adoption performance | Good |',
        'Services are inadequate; leadership is outstanding; work is good.',
        '### Quality of provision Grade 3 (adequate)',
        'A good deal of work.',
      ].join('\n'),
    );
    assert.match(scopesOf(lines, 0, 'requires improvement'), /markup\.changed\.grade\.requires-improvement/);
    assert.match(scopesOf(lines, 1, 'Good'), /support\.type\.grade\.good/);
    assert.match(scopesOf(lines, 2, 'inadequate'), /markup\.deleted\.grade\.inadequate/);
    assert.match(scopesOf(lines, 2, 'outstanding'), /markup\.inserted\.grade\.outstanding/);
    assert.match(scopesOf(lines, 2, 'good'), /support\.type\.grade\.good/);
    assert.match(scopesOf(lines, 3, 'Grade 3 (adequate)'), /markup\.changed\.grade\.adequate/);
    assert.ok(!lines[4].some((t) => t.scopes.some((s) => s.includes('.grade.'))), '"a good deal" is not a grade');
  });

  it('marks judgement headings and cross-references, and leaves comments alone', () => {
    const lines = tokenize('#### The experiences and progress of children who need help and protection\nAs paragraphs 12 to 14 show, and paragraph 7.\n<!-- paragraph 5 is inadequate -->');
    assert.match(scopesOf(lines, 0, 'The experiences and progress of'), /entity\.name\.section\.judgement\.inspection-report/);
    assert.match(scopesOf(lines, 0, 'The experiences and progress of'), /markup\.heading\.markdown/);
    assert.match(scopesOf(lines, 1, '12 to 14'), /markup\.underline\.link\.cross-reference/);
    assert.match(scopesOf(lines, 1, '7'), /markup\.underline\.link\.cross-reference/);
    assert.ok(!lines[2].some((t) => t.scopes.some((s) => s.includes('inspection-report') && s !== 'text.html.markdown.inspection-report')));
  });
});
