/** The words of a text (letters and digits), lower case: what import must never lose. */
export function words(text: string): string[] {
  return (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * Words of `input` missing from `output` (as a multiset): empty when nothing was dropped.
 * `removed` lines (the furniture import reports) are taken out of the input first.
 */
export function missingWords(input: string, output: string, removed: string[] = []): string[] {
  const count = new Map<string, number>();
  for (const w of words(output)) count.set(w, (count.get(w) ?? 0) + 1);
  for (const r of removed) for (const w of words(r)) count.set(w, (count.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of words(input)) {
    const n = count.get(w) ?? 0;
    if (n > 0) count.set(w, n - 1);
    else missing.push(w);
  }
  return missing;
}
