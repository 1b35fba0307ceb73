import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fraction } from './markdownArbs.js';
import { TraceState, type Reader } from '../../server/src/trace/state.js';
import { countTerms, TermTable } from '../../server/src/trace/terms.js';
import { gridded } from '../../server/src/trace/weights.js';
import { cachedTrace, prepareTrace, traceOf, type Trace } from '../../server/src/trace/trace.js';
import { buildModel, modelFromDocument } from '../../server/src/model/buildModel.js';
import { applyChanges, parseDocument, updateDocument } from '../../server/src/model/incremental.js';
import { analyse } from '../../server/src/service/analyse.js';
import { readFixture, registry } from '../helpers.js';

/*
 * The trace is kept from one version to the next (server/src/trace/state.ts) and must answer
 * exactly as if computed afresh: same vectors, same scores to the bit, same links.
 */

/** Texts are space-separated words here; sentences end at "." — enough to exercise the state. */
function reader(): Reader {
  const table = new TermTable();
  const stems = (s: string) => s.split(/[\s.]+/).filter(Boolean).map((w) => table.stem(w));
  return {
    table,
    read: (text, sentences) => ({
      counts: countTerms(stems(text), table),
      sentences: sentences ? text.split('.').map(stems).filter((s) => s.length > 0).map((s) => countTerms(s, table)) : undefined,
    }),
  };
}

/** A skewed vocabulary: a few words in most texts, many rare ones (df crosses the grid often). */
const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('plan', 'risk', 'visit', 'carer', 'review') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `w${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4000 }).map((n) => `rare${n}`) },
);
const textArb = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 3 }).map((ss) => ss.join('. '));

const versionArb = fc.record({
  improvements: fc.array(textArb, { minLength: 0, maxLength: 6 }),
  candidates: fc.array(textArb, { minLength: 0, maxLength: 40 }),
});

/** One version to the next, as an author edits: retype a text, add or remove one, or swap roles. */
const stepArb = fc.record({
  kind: fc.constantFrom('retype', 'retype', 'retype', 'add', 'remove', 'duplicate', 'swap', 'bulk'),
  at: fc.nat(),
  text: textArb,
  many: fc.array(textArb, { minLength: 1, maxLength: 30 }),
});

type Version = { improvements: string[]; candidates: string[] };

function step(v: Version, s: { kind: string; at: number; text: string; many: string[] }): Version {
  const imps = [...v.improvements];
  const cands = [...v.candidates];
  const list = s.at % 3 === 0 && imps.length > 0 ? imps : cands;
  const i = list.length ? s.at % list.length : 0;
  switch (s.kind) {
    case 'retype':
      if (list.length) list[i] = list[i] + ' ' + s.text.split(' ')[0];
      else list.push(s.text);
      break;
    case 'add':
      list.splice(i, 0, s.text);
      break;
    case 'remove':
      list.splice(i, 1);
      break;
    case 'duplicate':
      if (list.length) list.push(list[i]);
      break;
    case 'swap':
      if (cands.length) imps.push(cands.splice(s.at % cands.length, 1)[0]);
      break;
    case 'bulk':
      cands.push(...s.many);
      break;
  }
  return { improvements: imps, candidates: cands };
}

function snapshot(state: TraceState, v: Version): unknown {
  const texts = [...new Set([...v.improvements, ...v.candidates])];
  return texts.map((t) => {
    const e = state.entry(t)!;
    return {
      text: t,
      vector: [...e.vector!].map(([term, w]) => [state.termName(term), w] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
      row: e.row ? [...e.row].map(([c, s]) => [c.text, s] as const).sort(([a], [b]) => (a < b ? -1 : 1)) : undefined,
    };
  });
}

function fresh(v: Version): TraceState {
  const s = new TraceState(reader());
  s.update(v.improvements, v.candidates);
  return s;
}

describe('traceability: the incremental trace equals a fresh one', function () {
  this.timeout(300_000);

  it('gridded counts are exact when small and monotone', () => {
    for (let n = 0; n <= 24; n++) assert.equal(gridded(n), n);
    for (let n = 1; n < 100_000; n++) assert.ok(gridded(n) >= gridded(n - 1), `at ${n}`);
  });

  it('the state after any sequence of versions answers as a fresh state (vectors and scores, to the bit)', () => {
    fc.assert(
      fc.property(versionArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (start, steps) => {
        const state = new TraceState(reader());
        let v: Version = start;
        state.update(v.improvements, v.candidates);
        for (const s of steps) {
          v = step(v, s);
          state.update(v.improvements, v.candidates);
          assert.deepEqual(snapshot(state, v), snapshot(fresh(v), v));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grid crossings: a word in ever more texts, with the paragraph count growing past grid steps', () => {
    const state = new TraceState(reader());
    const v: Version = { improvements: ['plan risk carer', 'visit w1 w2'], candidates: [] };
    for (let n = 0; n < 400; n++) {
      v.candidates.push(n % 3 === 0 ? `plan w${n % 17} rare${n}. risk visit` : `w${n % 29} carer rare${n}`);
      if (n % 7 === 0) v.improvements[0] += ` w${n % 29}`;
      state.update(v.improvements, v.candidates);
      if (n % 20 === 0 || n > 380) assert.deepEqual(snapshot(state, v), snapshot(fresh(v), v), `after ${n + 1} candidates`);
    }
  });

  // Through the whole engine: edits of real reports, parsed incrementally, traced incrementally.
  const comparable = (t: Trace) => ({
    improvements: t.improvements.map(({ findings, summaryFindings, supported, citations, number, text }) => ({ findings, summaryFindings, supported, citations, number, text })),
    findings: t.findings.map((f) => f.paragraph),
    vectors: [...t.vectors.values()].map((v) => [...v].map(([term, w]) => [t.termName(term), w])),
  });
  let freshUri = 0;
  for (const name of ['corpus/haringey-2014.report.md', 'corpus/barnet-2012.report.md', 'raw/haringey-2014.raw.report.md']) {
    it(`typing, deleting and pasting in ${name}: trace and traceability diagnostics equal a fresh computation`, () => {
      const original = readFixture(name);
      const words = original.match(/[A-Za-z]{3,}/g)!;
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              at: fraction,
              kind: fc.constantFrom('word', 'word', 'letter', 'delete', 'paste', 'paragraph'),
              word: fc.nat(words.length - 1),
              length: fc.integer({ min: 1, max: 2500 }),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          (edits) => {
            let doc = parseDocument(original);
            for (const e of edits) {
              const text = doc.text;
              const at = Math.floor(e.at * text.length);
              const change =
                e.kind === 'word' ? { start: at, end: at, text: ` ${words[e.word]}` }
                : e.kind === 'letter' ? { start: at, end: at, text: 'e' }
                : e.kind === 'delete' ? { start: at, end: Math.min(text.length, at + (e.length % 40) + 1), text: '' }
                : e.kind === 'paste' ? { start: at, end: at, text: text.slice(Math.floor(e.at * 0.7 * text.length), Math.floor(e.at * 0.7 * text.length) + e.length) }
                : { start: at, end: at, text: `\n\n99. A new paragraph about ${words[e.word]} and ${words[(e.word * 7) % words.length]}.\n\n` };
              const next = applyChanges(text, [change]);
              doc = updateDocument(doc, next, [{ start: change.start, oldEnd: change.end, newEnd: change.start + change.text.length }]).doc;
              const incremental = modelFromDocument('file:///incremental.report.md', 1, doc, { registry });
              const full = buildModel(`file:///fresh-${freshUri++}.report.md`, 1, next, { registry });
              assert.deepEqual(comparable(traceOf(incremental)), comparable(traceOf(full)));
              const traced = (m: typeof full) => analyse(m).filter((d) => /^(improvement|finding)\//.test(d.code)).map(({ code, message, span }) => ({ code, message, span }));
              assert.deepEqual(traced(incremental), traced(full));
            }
          },
        ),
        { numRuns: 12 },
      );
    });
  }

  it('a trace made a step at a time (prepareTrace) equals a fresh one, also when another version updates the state midway', async () => {
    for (const name of ['corpus/haringey-2014.report.md', 'corpus/barnet-2012.report.md']) {
      const text = readFixture(name);
      const edited = text.replace(/\n\n(\d+)\. /, '\n\n$1. Inspectors saw a new word, zymurgy, here. ');
      const fresh = (t: string) => comparable(traceOf(buildModel(`file:///fresh-${freshUri++}.report.md`, 1, t, { registry })));
      let steps = 0;
      for (const interrupt of [undefined, 1, 5, 'late', 'last'] as const) {
        const uri = `file:///stepped-${freshUri++}.report.md`;
        const model = buildModel(uri, 1, text, { registry });
        // Late: among the improvements being linked; last: after the last one.
        const at = interrupt === 'late' ? steps - 10 : interrupt === 'last' ? steps : interrupt;
        let pauses = 0;
        let during: Trace | undefined;
        await prepareTrace(
          model,
          async () => {
            // A request for another version of the same document (a hover, a keystroke) runs
            // its own update while this one is suspended: this one then starts again.
            if (++pauses === at) during = traceOf(buildModel(uri, 2, edited, { registry }));
          },
          () => false,
          0,
        );
        if (interrupt === undefined) {
          steps = pauses;
          assert.ok(steps > 30, `${name}: ${steps} steps`);
        } else {
          assert.ok(during, `${name}: interrupted at step ${at} of ${steps}`);
          assert.ok(pauses > at!, `${name}: went on after the interruption at ${at}`);
          assert.deepEqual(comparable(during), fresh(edited), `${name}, update at step ${at}`);
        }
        const made = cachedTrace(model);
        assert.ok(made, `${name}: the stepped trace is kept on the model`);
        assert.equal(traceOf(model), made);
        assert.deepEqual(comparable(made), fresh(text), `${name}, interrupted at ${at}`);
      }
    }
  });
});
