import type { Check, SeveritySetting } from './types.js';
import { modelProblemsCheck } from './document/modelProblems.js';
import { gapCheck } from './numbering/gap.js';
import { duplicateCheck } from './numbering/duplicate.js';
import { orderCheck } from './numbering/order.js';
import { legacyBulletCheck } from './numbering/legacyBullet.js';
import { unnumberedCheck } from './numbering/unnumbered.js';
import { strayCheck } from './numbering/stray.js';
import { brokenReferenceCheck } from './reference/broken.js';
import { mismatchCheck } from './judgement/mismatch.js';
import { missingCheck } from './judgement/missing.js';
import { unknownGradeCheck } from './judgement/unknownGrade.js';
import { ruleCheck } from './judgement/rule.js';
import { wordingCheck } from './judgement/wording.js';
import { unmatchedCheck } from './improvement/unmatched.js';
import { brokenLinkCheck } from './improvement/brokenLink.js';
import { unaddressedCheck } from './finding/unaddressed.js';

/** Every check, in one list. Order is the order diagnostics are reported in for one position. */
export const CHECKS: readonly Check[] = [
  modelProblemsCheck,
  gapCheck,
  duplicateCheck,
  orderCheck,
  legacyBulletCheck,
  unnumberedCheck,
  strayCheck,
  brokenReferenceCheck,
  mismatchCheck,
  missingCheck,
  unknownGradeCheck,
  ruleCheck,
  wordingCheck,
  unmatchedCheck,
  brokenLinkCheck,
  unaddressedCheck,
];

/** Default severity of every code. */
export const DEFAULT_SEVERITIES: Readonly<Record<string, SeveritySetting>> = Object.freeze(
  Object.assign({}, ...CHECKS.map((c) => c.codes)),
);

export function checkForCode(code: string): Check | undefined {
  return CHECKS.find((c) => code in c.codes);
}

/**
 * Test hook, for the server only (docs/robustness.md): make check `id` throw whenever it
 * runs, so that a test over the protocol can see the error logged and the other checks'
 * diagnostics still published. Returns false if there is no such check.
 */
export function makeCheckThrow(id: string): boolean {
  const index = CHECKS.findIndex((c) => c.id === id);
  if (index < 0) return false;
  (CHECKS as Check[])[index] = { ...CHECKS[index], steps: undefined, run: () => { throw new Error(`check ${id} made to throw (INSPECTION_REPORT_TEST_THROWING_CHECK)`); } };
  return true;
}
