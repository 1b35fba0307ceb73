/*
 * Long work done a step at a time. A generator does the work and yields between steps; run
 * to its end at once it is the plain computation, and runInSteps runs it handing control
 * back now and then, so that a server doing it (opening a long report) goes on answering.
 */

/**
 * Work between two hand-backs, at most, as far as the last step's length foretells the next
 * one's (a step that takes longer still runs whole, alone). 3 ms, not 5: while a 750 KB report
 * opens, the longest block is one such stretch plus whatever garbage collection lands in it.
 */
export const STEP_BUDGET_MS = 3;

/** Runs `steps` to its end at once; its result. */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` to its end, handing control back (`await pause()`) before a step that would
 * take the work since the last hand-back past `budgetMs`, guessing that it takes as long as
 * the step before it: the steps of one generator are alike (a slice parsed, a row scored),
 * and handing back only once the budget is spent let the block run to the budget plus the
 * step that crossed it. At least one step runs between two hand-backs. Undefined as soon as
 * `stale()` says the result is no longer wanted. (`now` is the clock: tests pass their own.)
 */
export async function runInSteps<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  stale: () => boolean,
  budgetMs = STEP_BUDGET_MS,
  now: () => number = () => performance.now(),
): Promise<{ value: T } | undefined> {
  let since = now();
  let last = 0;
  let ran = false;
  for (;;) {
    const before = now();
    if (ran && before - since + last > budgetMs) {
      await pause();
      if (stale()) return undefined;
      since = now();
      ran = false;
    }
    const began = now();
    const step = steps.next();
    if (step.done) return { value: step.value };
    last = now() - began;
    ran = true;
  }
}
