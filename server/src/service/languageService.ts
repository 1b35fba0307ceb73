import type { ReportModel, Span } from '../model/types.js';
import type { Fix, ReportDiagnostic, SeveritySetting } from '../checks/types.js';
import { buildModel } from '../model/buildModel.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { analyse } from './analyse.js';
import { CHECKS, checkForCode } from '../checks/registry.js';
import { fixAll } from '../fixes/fixAll.js';
import { documentSymbols, type ReportSymbol } from './symbols.js';
import { hover, type HoverResult } from './hover.js';
import { completions, type CompletionEntry } from './completion.js';
import { codeLenses, findingsOf, improvementsResting, traceHover, type Lens } from '../trace/navigation.js';

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

/**
 * The language service: pure functions of a document and settings, no LSP in it. One model
 * per document version is cached; every feature reads the model.
 */
export class ReportLanguageService {
  private readonly models = new Map<string, ReportModel>();
  registry: ProfileRegistry;
  settings: ServiceSettings;
  /** Told when a check throws (the server logs it with the check's id). */
  onCheckError?: (checkId: string, error: unknown) => void;

  constructor(options: { registry?: ProfileRegistry; settings?: ServiceSettings } = {}) {
    this.registry = options.registry ?? new ProfileRegistry();
    this.settings = options.settings ?? {};
  }

  /** Settings or profiles changed: every cached model is stale. */
  reconfigure(options: { registry?: ProfileRegistry; settings?: ServiceSettings }): void {
    if (options.registry) this.registry = options.registry;
    if (options.settings) this.settings = options.settings;
    this.models.clear();
  }

  build(uri: string, version: number, text: string): ReportModel {
    return buildModel(uri, version, text, { registry: this.registry, frameworkOverride: this.settings.frameworkOverride });
  }

  getModel(doc: DocumentLike): ReportModel {
    const cached = this.models.get(doc.uri);
    // The text is compared too: a client may resend a version number with other text, and a
    // model of the wrong text gives ranges outside the document (the same string: O(1)).
    if (cached && cached.version === doc.version && cached.text === doc.getText()) return cached;
    const model = this.build(doc.uri, doc.version, doc.getText());
    this.models.set(doc.uri, model);
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }

  diagnostics(doc: DocumentLike): ReportDiagnostic[] {
    return analyse(this.getModel(doc), {
      severities: this.settings.severities,
      settings: this.settings.settings,
      onCheckError: this.onCheckError,
    });
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
    return fixAll(doc.getText(), (text) => this.build(doc.uri, -1, text)).edits;
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
