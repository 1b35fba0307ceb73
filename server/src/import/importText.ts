import { ProfileRegistry, DEFAULT_PROFILE_ID } from '../profiles/registry.js';
import type { Profile } from '../profiles/types.js';
import { detectFramework } from '../model/detectFramework.js';
import { gradeOf } from '../model/phrases.js';
import { statesGrade } from '../model/judgements.js';
import type { Block, ImportOptions, ImportResult, Removed } from './types.js';
import { prepareLines, wrapWidth } from './prepare.js';
import { removeContents, removePageFurniture } from './furniture.js';
import { segment } from './segment.js';
import { profileHeading } from './headings.js';
import { joinFragments, markContinuations, mergeGradeLines, promoteLoneGradeRows, restoreNumbers } from './repair.js';
import { matchArea } from '../model/sections.js';
import { normaliseHeading } from '../text/normalise.js';
import { render } from './render.js';
import { findTitle } from './title.js';

let defaultRegistry: ProfileRegistry | undefined;

/**
 * Turn plain text (from a PDF, a Word document or a paste) into Report Markdown. Pure: no I/O.
 * Headings are recognised from the framework's section and judgement names and from layout;
 * grade summaries become GFM tables; `- 26. text` becomes `26. text`; page-break fragments are
 * joined; displaced paragraph numbers are restored; page numbers, running headers and
 * contents lists are removed (and listed in `removed`). Words of the report are never dropped.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const registry = options.registry ?? (defaultRegistry ??= new ProfileRegistry());
  const warnings: string[] = [];
  const removed: Removed[] = [];

  let profile: Profile | undefined;
  let frameworkSource: ImportResult['frameworkSource'] = 'option';
  if (options.framework) {
    profile = registry.get(options.framework);
    if (!profile) throw new Error(`unknown framework "${options.framework}" (known: ${registry.ids.join(', ')})`);
  } else {
    const detected = detectFramework(text, [], registry.all);
    profile = detected?.profile;
    frameworkSource = 'detected';
    if (!profile) {
      profile = registry.get(DEFAULT_PROFILE_ID) ?? registry.all[0];
      frameworkSource = 'default';
      warnings.push(`framework not recognised from the text; using ${profile.id}`);
    }
  }

  let lines = prepareLines(text);
  lines = removePageFurniture(lines, (t) => !!profileHeading(t, profile), removed);
  lines = removeContents(lines, removed);
  const width = wrapWidth(lines);

  const title = findTitle(lines);
  const head: Block[] = [];
  if (title) {
    head.push({ kind: 'heading', text: title.text, level: 1, line: lines[title.start].no });
    lines = lines.slice(title.start + title.count);
  }
  let blocks = [...head, ...segment(lines, { profile, width })];
  blocks = mergeGradeLines(blocks);
  blocks = joinFragments(blocks);
  blocks = restoreNumbers(blocks);
  blocks = markContinuations(blocks, (t) => statesGrade(t, profile));
  blocks = promoteLoneGradeRows(blocks, (a, b) => {
    const area = matchArea(normaliseHeading(a), profile, undefined);
    return !!area && area === matchArea(normaliseHeading(b), profile, undefined);
  }, removed);
  blocks = partRowsIntoTables(blocks, profile);
  setLevels(blocks, profile);
  labelGradeTables(blocks, profile);

  const numbered = blocks.filter((b) => b.kind === 'numbered').length;
  if (numbered === 0) warnings.push('no numbered paragraphs found');
  if (!blocks.some((b) => b.kind === 'table' && b.grade)) warnings.push('no grade table found');

  const markdown = render(blocks, { framework: profile.id });
  return { markdown, framework: profile.id, frameworkSource, removed, warnings };
}

function setLevels(blocks: Block[], profile: Profile): void {
  let first = true;
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    if (b.level === undefined) {
      const kind = profileHeading(b.text, profile);
      if (first && b.marked && !kind) b.level = 1;
      else b.level = kind ? 2 : 3;
    }
    first = false;
  }
}

/** A tab-separated table whose second column holds grades is a grade table: give it a header. */
function labelGradeTables(blocks: Block[], profile: Profile): void {
  for (const b of blocks) {
    if (b.kind !== 'table' || b.header || b.grade) continue;
    const graded = b.rows.filter((r) => r.length >= 2 && gradeOf(profile, r[1])).length;
    if (graded > 0 && graded >= b.rows.filter((r) => r[1]).length * 0.6) b.grade = true;
  }
}

/**
 * "Services for looked after children" right above the rows of a grade record is the record's
 * part row (as Barnet's record has it), not a heading that would take the table out of the
 * "Record of main findings" section.
 */
function partRowsIntoTables(blocks: Block[], profile: Profile): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (b.kind === 'heading' && !b.marked && next?.kind === 'table' && next.grade && profileHeading(b.text, profile) === 'part' && out.length) {
      next.rows.unshift([b.text, '']);
      continue;
    }
    out.push(b);
  }
  return out;
}
