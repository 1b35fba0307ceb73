import type { ReportModel, Span } from '../model/types.js';
import type { Fix, ReportDiagnostic, SeveritySetting } from '../checks/types.js';
import { buildModel, modelFromDocument, modelSteps } from '../model/buildModel.js';
import { ChangeLog, parseDocument, parseDocumentInSteps, updateDocument, type ChangedRange, type ParsedDocument, type TextChange } from '../model/incremental.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { analyse, analysing, type AnalyseOptions } from './analyse.js';
import { CHECKS, checkForCode } from '../checks/registry.js';
import { fixAll } from '../fixes/fixAll.js';
import { documentSymbols, type ReportSymbol } from './symbols.js';
import { hover, type HoverResult } from './hover.js';
import { completions, type CompletionEntry } from './completion.js';
import { codeLenses, findingsOf, improvementsResting, traceHover, type Lens } from '../trace/navigation.js';
import { forgetTrace, prepareTrace } from '../trace/trace.js';
import { runInSteps } from '../util/inSteps.js';
import { parseMarkdown } from '../model/parse.js';

export interface ServiceSettings {
  frameworkOverride?: string;
  severities?: Record<string, SeveritySetting>;
  settings?: Record<string, unknown>;
}

export interface DocumentLike {
  uri: string;
  version: number;
  getText(): string;
}

/** What the service keeps of an open document between versions. */
interface DocumentState {
  /** The last parse, and the version it is of. */
  parsed: ParsedDocument;
  version: number;
  /** Changes reported since that version (LSP incremental sync), and the version they reach. */
  changes?: ChangeLog;
  changesTo?: number;
}

/**
 * The language service: pure functions of a document and settings, no LSP in it. One model
 * per document version is cached; every feature reads the model. A new version is parsed
 * incrementally from the previous one (model/incremental.ts): only the blocks the edit
 * touched are parsed again, using the changes the editor reported (`noteChanges`) or, when
 * there are none, the range where the texts differ.
 */
export class ReportLanguageService {
  private readonly models = new Map<string, ReportModel>();
  private readonly states = new Map<string, DocumentState>();
  /**
   * The diagnostics of each document's cached model. (Not a WeakMap keyed by the model: V8's
   * young-generation collector keeps such values alive, see model/perModel.ts.)
   */
  private readonly diagnosticsCache = new Map<string, { model: ReportModel; diagnostics: ReportDiagnostic[] }>();
  registry: ProfileRegistry;
  settings: ServiceSettings;
  /** Told when a check throws (the server logs it with the check's id). */
  onCheckError?: (checkId: string, error: unknown) => void;
  /** Set false to parse every version whole (benchmarks compare the two). */
  incremental = true;

  constructor(options: { registry?: ProfileRegistry; settings?: ServiceSettings } = {}) {
    this.registry = options.registry ?? new ProfileRegistry();
    this.settings = options.settings ?? {};
  }

  /**
   * Parses two small texts, with GFM and without: the first remark parse in a process
   * compiles the parser (≈ 13 ms here, whatever the text's length), and a server that does
   * it while idle after start-up does not do it inside the first step of opening a report.
   */
  warmUpParser(): void {
    parseMarkdown('# Report\n\n| Judgement | Grade |\n| --- | --- |\n| Overall | Good |\n', 'gfm');
    parseMarkdown('## Findings\n\n1. Leaders *know* the service well.\n2. Plans are reviewed.\n', 'auto');
  }

  /** Settings or profiles changed: every cached model is stale (parses are not). */
  reconfigure(options: { registry?: ProfileRegistry; settings?: ServiceSettings }): void {
    if (options.registry) this.registry = options.registry;
    if (options.settings) this.settings = options.settings;
    this.models.clear();
    this.diagnosticsCache.clear();
  }

  build(uri: string, version: number, text: string): ReportModel {
    return buildModel(uri, version, text, this.buildOptions());
  }

  private buildOptions() {
    return { registry: this.registry, frameworkOverride: this.settings.frameworkOverride };
  }

  /**
   * The editor changed a document from version `from` to `to`: `changes` apply one after
   * another, each in the offsets of the text the previous one left (as LSP sends them).
   */
  noteChanges(uri: string, from: number, to: number, changes: readonly TextChange[]): void {
    const state = this.states.get(uri);
    if (!state) return;
    if ((state.changesTo ?? state.version) !== from) {
      state.changes = undefined;
      state.changesTo = undefined;
      return;
    }
    state.changes ??= new ChangeLog();
    for (const c of changes) state.changes.add(c.start, c.end, c.text.length);
    state.changesTo = to;
  }

  /** The parse of `text` (version `version`), from the previous parse when there is one. */
  private parse(uri: string, version: number, text: string): ParsedDocument {
    const state = this.states.get(uri);
    let parsed: ParsedDocument;
    if (!state || !this.incremental) {
      parsed = parseDocument(text);
    } else if (state.parsed.text === text) {
      parsed = state.parsed;
    } else {
      let changed: ChangedRange[] | undefined;
      if (state.changes && state.changesTo === version) {
        changed = state.changes.ranges.map((r) => ({ start: r.oldStart, oldEnd: r.oldEnd, newEnd: r.newEnd }));
        const last = state.changes.ranges[state.changes.ranges.length - 1];
        // The reported changes must account for the new length, else find the change ourselves.
        if (last && text.length - state.parsed.text.length !== last.newEnd - last.oldEnd) changed = undefined;
      }
      parsed = updateDocument(state.parsed, text, changed).doc;
    }
    this.states.set(uri, { parsed, version });
    return parsed;
  }

  getModel(doc: DocumentLike): ReportModel {
    const cached = this.models.get(doc.uri);
    // The text is compared too: a client may resend a version number with other text, and a
    // model of the wrong text gives ranges outside the document (the same string: O(1)).
    if (cached && cached.version === doc.version && cached.text === doc.getText()) return cached;
    const parsed = this.parse(doc.uri, doc.version, doc.getText());
    const model = modelFromDocument(doc.uri, doc.version, parsed, this.buildOptions());
    this.models.set(doc.uri, model);
    return model;
  }

  /**
   * Before the first diagnostics of a document the service has not seen: parses it, builds
   * its model, brings its trace up to date and runs its checks a step at a time, handing
   * control back (`await pause()`) every few milliseconds (util/inSteps.ts), so that a server
   * opening a long report goes on answering meanwhile (a 750 KB report takes ~0.3 s in all).
   * It leaves the model and diagnostics getModel and diagnostics would compute. Does nothing
   * for a document already parsed: later versions are parsed incrementally.
   */
  async prepare(doc: DocumentLike, pause: () => Promise<void>, stale: () => boolean): Promise<void> {
    if (this.states.has(doc.uri) || !this.incremental) return;
    const parsed = await parseDocumentInSteps(doc.getText(), pause, stale);
    // Stale, or parsed meanwhile by a request that could not wait (getModel).
    if (!parsed || stale() || this.states.has(doc.uri)) return;
    this.states.set(doc.uri, { parsed, version: doc.version });
    await pause();
    if (stale()) return;
    const built = await runInSteps(modelSteps(doc.uri, doc.version, parsed, this.buildOptions()), pause, stale);
    if (!built) return;
    const model = built.value;
    this.models.set(doc.uri, model);
    await pause();
    if (stale()) return;
    await prepareTrace(model, pause, stale);
    if (stale()) return;
    const checked = await runInSteps(analysing(model, this.analyseOptions()), pause, stale);
    if (checked) this.diagnosticsCache.set(doc.uri, { model, diagnostics: checked.value });
  }

  /** The model of the document's cached version, if any (never parses). */
  cachedModel(uri: string): ReportModel | undefined {
    return this.models.get(uri);
  }

  forget(uri: string): void {
    this.models.delete(uri);
    this.states.delete(uri);
    this.diagnosticsCache.delete(uri);
    forgetTrace(uri);
  }

  diagnostics(doc: DocumentLike): ReportDiagnostic[] {
    const model = this.getModel(doc);
    const cached = this.diagnosticsCache.get(doc.uri);
    if (cached?.model === model) return cached.diagnostics;
    const diagnostics = analyse(model, this.analyseOptions());
    this.diagnosticsCache.set(doc.uri, { model, diagnostics });
    return diagnostics;
  }

  private analyseOptions(): AnalyseOptions {
    return { severities: this.settings.severities, settings: this.settings.settings, onCheckError: this.onCheckError };
  }

  /** Fixes for the diagnostics overlapping `span`, then fix-all. */
  codeActions(doc: DocumentLike, span: Span, only?: string[]): { diagnostic?: ReportDiagnostic; fix: Fix }[] {
    const model = this.getModel(doc);
    const out: { diagnostic?: ReportDiagnostic; fix: Fix }[] = [];
    const wantsQuickFix = !only || only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k + '.') || k === '');
    const wantsFixAll = !only || only.some((k) => k === 'source.fixAll' || k === 'source' || k.startsWith('source.fixAll'));
    if (wantsQuickFix) {
      for (const d of this.diagnostics(doc)) {
        if (d.span.end < span.start || d.span.start > span.end) continue;
        const check = checkForCode(d.code);
        if (!check?.fixes) continue;
        try {
          for (const fix of check.fixes(model, d, { settings: this.settings.settings ?? {} })) out.push({ diagnostic: d, fix });
        } catch (error) {
          this.onCheckError?.(check.id, error);
        }
      }
    }
    if (wantsQuickFix) {
      for (const check of CHECKS) {
        if (!check.actions) continue;
        try {
          for (const fix of check.actions(model, span, { settings: this.settings.settings ?? {} })) out.push({ fix });
        } catch (error) {
          this.onCheckError?.(check.id, error);
        }
      }
    }
    if (wantsFixAll) {
      const all = this.fixAll(doc);
      if (all.length) out.push({ fix: { title: 'Fix all safe problems in this report (renumber, unbullet, move stray numbers)', edits: all, kind: 'source.fixAll', safe: true } });
    }
    return out;
  }

  fixAll(doc: DocumentLike) {
    // Each round's text is parsed from the document's parse (the same text: no parse at all).
    const model = this.getModel(doc);
    const base = this.states.get(doc.uri)?.parsed;
    const build = (text: string) => {
      if (text === model.text) return model;
      const parsed = base && this.incremental ? updateDocument(base, text).doc : parseDocument(text);
      return modelFromDocument(doc.uri, -1, parsed, this.buildOptions());
    };
    return fixAll(doc.getText(), build).edits;
  }

  symbols(doc: DocumentLike): ReportSymbol[] {
    return documentSymbols(this.getModel(doc));
  }

  hover(doc: DocumentLike, offset: number): HoverResult | undefined {
    const model = this.getModel(doc);
    return hover(model, offset) ?? traceHover(model, offset);
  }

  /** Go to definition on an improvement: the findings it rests on. */
  definition(doc: DocumentLike, offset: number): Span[] {
    return findingsOf(this.getModel(doc), offset);
  }

  /** Find references on a finding: the improvements that rest on it. */
  references(doc: DocumentLike, offset: number): Span[] {
    return improvementsResting(this.getModel(doc), offset);
  }

  codeLenses(doc: DocumentLike): Lens[] {
    return codeLenses(this.getModel(doc));
  }

  completions(doc: DocumentLike, offset: number): CompletionEntry[] {
    return completions(this.getModel(doc), offset);
  }
}
