/*
 * Long work done a step at a time. A generator does the work and yields between steps; run
 * to its end at once it is the plain computation, and runInSteps runs it handing control
 * back now and then, so that a server doing it (opening a long report) goes on answering.
 */

/**
 * Work between two hand-backs, at most (a step that takes longer still runs whole). The
 * longest block is this, plus the step that crosses it, plus a young-generation collection
 * if one lands there (3–11 ms while a 750 KB report opens, measured): 3 keeps that under
 * 20 ms, where 5 did not always.
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
 * Runs `steps` to its end, handing control back (`await pause()`) whenever `budgetMs` of work
 * have passed. Undefined as soon as `stale()` says the result is no longer wanted.
 */
export async function runInSteps<T>(steps: Generator<void, T>, pause: () => Promise<void>, stale: () => boolean, budgetMs = STEP_BUDGET_MS): Promise<{ value: T } | undefined> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value };
    if (performance.now() - since < budgetMs) continue;
    await pause();
    if (stale()) return undefined;
    since = performance.now();
  }
}
