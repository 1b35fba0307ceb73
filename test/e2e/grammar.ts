/**
 * Tokenise text with the grammar exactly as VS Code does: code-server's own vscode-textmate,
 * vscode-oniguruma and Markdown grammar (VS Code 1.100.3), plus this extension's grammar.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OnigurumaModule, TextMateModule } from './textmate-types.js';

export interface Token {
  text: string;
  scopes: string[];
}

export function codeServerVscodeDir(root: string): string {
  return path.join(root, '.e2e', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
}

export async function loadTokenizer(root: string): Promise<(text: string) => Token[][]> {
  const vscodeDir = codeServerVscodeDir(root);
  const require = createRequire(path.join(vscodeDir, 'package.json'));
  const tm = require('vscode-textmate') as TextMateModule;
  const onig = require('vscode-oniguruma') as OnigurumaModule;
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars: Record<string, string> = {
    'text.html.markdown': path.join(vscodeDir, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
    'text.html.markdown.inspection-report': path.join(root, 'syntaxes', 'inspection-report.tmLanguage.json'),
  };
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = grammars[scopeName];
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  const grammar = await registry.loadGrammar('text.html.markdown.inspection-report');
  if (!grammar) throw new Error('grammar did not load');
  return (text: string) => {
    let state = tm.INITIAL;
    return text.split('\n').map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}
