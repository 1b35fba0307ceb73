/**
 * A copy of `s` that does not keep alive the string it was sliced from. V8 represents a
 * slice of 13 characters or more as a view into its parent, so a heading title sliced from
 * the document would keep that version's whole text alive for as long as the title lives —
 * and unit facts, with what is cached on them, live across versions. A concatenation,
 * flattened by the slice, is a fresh copy of the characters.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
