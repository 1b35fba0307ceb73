/* Just enough of vscode-textmate's and vscode-oniguruma's types for grammar.ts (they are loaded from code-server's copy, not installed here). */
export interface IGrammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}
export interface TextMateModule {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
  }) => { loadGrammar(scopeName: string): Promise<IGrammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
}
export interface OnigurumaModule {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (s: string) => unknown;
}
