import type { Check, Finding } from '../types.js';
import type { Profile } from '../../profiles/types.js';
import type { ReportModel, Span } from '../../model/types.js';
import { alternation, mask } from '../../model/phrases.js';
import { memo, unitAt, unitCache } from '../../model/units.js';
import { detach } from '../../text/detach.js';
import { runAtOnce } from '../../util/inSteps.js';
import { areaName, gradeLabel } from './describe.js';

/**
 * judgement/wording: a standard sentence that belongs to one grade ("There are no widespread
 * or serious failures…" goes with requires improvement) follows a statement of another grade.
 * The phrase is matched to the nearest statement before it in the same section (of the rule's
 * area, when the rule names one); prose with no statement before it in its section, such as
 * "What the inspection judgements mean", is not checked.
 */
export const wordingCheck: Check = {
  id: 'judgement-wording',
  codes: { 'judgement/wording': 'warning' },
  run: (model) => runAtOnce(wordingSteps(model)),
  steps: wordingSteps,
};

/** Blocks searched between two steps (a first search of a 750 KB report takes ~10 ms). */
const BLOCKS_PER_STEP = 100;

function* wordingSteps(model: ReportModel): Generator<void, Finding[]> {
  const rules = model.framework.profile.wording ?? [];
  if (rules.length === 0 || model.judgements.length === 0) return [];
  const patterns = rulePatterns(model.framework.profile);
  const out: Finding[] = [];
  // The phrases in each block, per rule, found once per block and remembered on the block's
  // unit while it is unchanged (see model/units.ts): a keystroke searches one block again,
  // not the whole report once per rule.
  const withPhrases: { block: { span: Span; section: number }; found: Phrase[][] }[] = [];
  let searched = 0;
  for (const list of [model.prose, model.paragraphs]) {
    for (const block of list) {
      const found = phrasesIn(model, block.span, patterns);
      if (found) withPhrases.push({ block, found });
      if (++searched % BLOCKS_PER_STEP === 0) yield;
    }
  }
  rules.forEach((rule, r) => {
    for (const { block, found } of withPhrases) {
      for (const m of found[r]) {
        const at = block.span.start + m.start;
        const statement = statementBefore(model, at, block.section, rule.area);
        if (!statement || rule.grades.includes(statement.grade)) continue;
        out.push({
          code: 'judgement/wording',
          span: { start: at, end: at + m.text.length },
          message: `"${m.text}" is the wording for ${rule.grades.map((g) => gradeLabel(model, g)).join(' or ')}, but ${areaName(model, statement.area)} is graded ${gradeLabel(model, statement.grade)} at line ${model.lines.lineAt(statement.span.start) + 1}.${rule.source ? ` [${rule.source}]` : ''}`,
          related: [{ span: statement.gradeSpan, message: `graded ${gradeLabel(model, statement.grade)} here` }],
        });
      }
    }
  });
  return out;
}

interface Phrase {
  /** Offset in the block. */
  start: number;
  text: string;
}

const NONE: Phrase[] = [];
const patternCache = new WeakMap<Profile, RulePatterns>();
const phraseCache = unitCache<Phrase[][] | undefined>();

interface RulePatterns {
  /** One regex per wording rule of the profile. */
  rules: RegExp[];
  /**
   * Any rule's phrase: where no rule matches, neither does this, and the other way round (an
   * alternation backtracks into every phrase at each position). Most blocks hold none, and
   * one scan of a block instead of one per rule is what opening a long report saves.
   */
  any: RegExp;
}

export function rulePatterns(profile: Profile): RulePatterns {
  let patterns = patternCache.get(profile);
  if (!patterns) {
    const phrases = (profile.wording ?? []).map((rule) => rule.phrase);
    const pattern = (list: string[], flags: string) => new RegExp(`(?<![\\w-])(?:${alternation(list)})(?![\\w-])`, flags);
    patterns = { rules: phrases.map((phrase) => pattern([phrase], 'gi')), any: pattern(phrases, 'i') };
    patternCache.set(profile, patterns);
  }
  return patterns;
}

/** Each rule's phrases in the block at `span`, offsets relative to the block; undefined if none. */
function phrasesIn(model: ReportModel, span: Span, patterns: RulePatterns): Phrase[][] | undefined {
  return memo(phraseCache, unitAt(model, span), patterns, undefined, () => {
    const source = mask(model.text.slice(span.start, span.end));
    if (!patterns.any.test(source)) return undefined;
    let any = false;
    const found = patterns.rules.map((re) => {
      let list = NONE;
      re.lastIndex = 0;
      for (let m = re.exec(source); m; m = re.exec(source)) {
        if (list === NONE) list = [];
        list.push({ start: m.index, text: detach(m[0]) });
      }
      any ||= list !== NONE;
      return list;
    });
    return any ? found : undefined;
  });
}

function statementBefore(model: ReportModel, offset: number, section: number, area: string | undefined) {
  let found;
  for (const j of model.judgements) {
    if (j.span.start >= offset) break;
    if (j.section !== section) continue;
    if (area && j.area !== area) continue;
    found = j;
  }
  return found;
}
