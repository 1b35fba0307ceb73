import * as assert from 'node:assert/strict';
import { ReportLanguageService, type DocumentLike } from '../../server/src/service/languageService.js';
import { ProfileRegistry } from '../../server/src/profiles/registry.js';
import { CHECKS } from '../../server/src/checks/registry.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import type { ReportModel, Span } from '../../server/src/model/types.js';
import type { TextEdit } from '../../server/src/checks/types.js';
import type { ReportSymbol } from '../../server/src/service/symbols.js';

/*
 * Drives every feature of the language service over one text, the way the fuzz test and the
 * bad-input tests need: no exception, each call within a time bound, every span inside the
 * document, every offered edit applicable.
 */

export const registry = new ProfileRegistry();

/** A small deterministic PRNG (mulberry32), so a failing fuzz case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${span.start}-${span.end} outside the document (length ${text.length})`,
  );
}

export function assertEdits(text: string, edits: readonly TextEdit[], what: string): string {
  for (const e of edits) {
    assertSpan(text, e.span, what);
    assert.equal(typeof e.newText, 'string', `${what}: newText`);
  }
  return applyEdits(text, edits); // throws on overlapping edits
}

/** Time bound for one call on a document of `length` characters: generous, but no hang. */
export function boundMs(length: number): number {
  return 5_000 + length / 50; // 5 s + 20 ms per KB
}

export function timed<T>(what: string, length: number, f: () => T): T {
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  assert.ok(ms < boundMs(length), `${what} took ${Math.round(ms)} ms on ${length} characters`);
  return value;
}

function checkSymbols(text: string, symbols: ReportSymbol[], parent?: ReportSymbol): void {
  for (const s of symbols) {
    assertSpan(text, s.span, `symbol ${s.name}`);
    assertSpan(text, s.selectionSpan, `symbol ${s.name} selection`);
    // LSP (and VS Code, which drops the whole outline otherwise): selection inside the range,
    // children inside their parent.
    assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, `symbol ${s.name}: selection outside its range`);
    if (parent) assert.ok(parent.span.start <= s.span.start && s.span.end <= parent.span.end, `symbol ${s.name}: outside its parent ${parent.name}`);
    assert.ok(s.name.trim().length > 0, 'symbol with an empty name');
    checkSymbols(text, s.children, s);
  }
}

export interface ExerciseOptions {
  /** Offsets to probe hover, completion, code actions, definition at. */
  offsets?: number[];
  service?: ReportLanguageService;
  /** Also compute fix-all (builds the model three more times). */
  fixAll?: boolean;
}

/** Run the model, every check and every service request on `text`; returns the model. */
export function exercise(text: string, options: ExerciseOptions = {}): ReportModel {
  const service = options.service ?? new ReportLanguageService({ registry });
  const errors: string[] = [];
  service.onCheckError = (id, error) => errors.push(`${id}: ${error instanceof Error ? error.stack : String(error)}`);
  const doc: DocumentLike = { uri: 'file:///fuzz.report.md', version: 1, getText: () => text };
  const n = text.length;
  const model = timed('buildModel', n, () => service.getModel(doc));
  for (const check of CHECKS) {
    const findings = timed(`check ${check.id}`, n, () => check.run(model, { settings: {} }));
    for (const f of findings) assertSpan(text, f.span, `${check.id} ${f.code}`);
  }
  const diagnostics = timed('diagnostics', n, () => service.diagnostics(doc));
  assert.deepEqual(errors, [], 'a check threw');
  for (const d of diagnostics) {
    assertSpan(text, d.span, d.code);
    for (const r of d.related ?? []) assertSpan(text, r.span, `${d.code} related`);
  }
  checkSymbols(text, timed('symbols', n, () => service.symbols(doc)));
  const offsets = options.offsets ?? [0, n >> 1, n];
  for (const offset of offsets) {
    const h = timed('hover', n, () => service.hover(doc, offset));
    if (h) assertSpan(text, h.span, 'hover');
    timed('completions', n, () => service.completions(doc, offset));
    const svc = service as unknown as Record<string, unknown>;
    for (const name of ['definition', 'references']) {
      if (typeof svc[name] !== 'function') continue;
      const spans = timed(name, n, () => (svc[name] as (d: DocumentLike, o: number) => Span[]).call(service, doc, offset));
      for (const s of spans ?? []) assertSpan(text, s, name);
    }
    const actions = timed('codeActions', n, () => service.codeActions(doc, { start: offset, end: Math.min(n, offset + 1) }, ['quickfix']));
    for (const a of actions) assertEdits(text, a.fix.edits, `fix "${a.fix.title}"`);
  }
  assert.deepEqual(errors, [], 'a fix threw');
  if (options.fixAll) {
    const all = timed('fixAll', n * 3, () => service.fixAll(doc));
    assertEdits(text, all, 'fix-all');
  }
  return model;
}
