import type { ReportModel } from './types.js';

/*
 * What is computed once per model (numbering verdicts, grades by area, the units it was
 * assembled from) is kept on the model itself, as a property that is not enumerable (so not
 * part of the model's data), rather than in a WeakMap keyed by the model: V8's
 * young-generation collector keeps a WeakMap's values alive while their key is young, and a
 * new model per keystroke then made every scavenge promote megabytes to the old generation
 * (measured: ~4 MB per scavenge at 1x, ~1 MB without).
 */

export function perModel<T>(model: ReportModel, key: symbol, compute: () => T): T {
  const slot = model as unknown as Record<symbol, T | undefined>;
  let value = slot[key];
  if (value === undefined) {
    value = compute();
    Object.defineProperty(model, key, { value, configurable: true });
  }
  return value;
}

/** Set a per-model value (see perModel). */
export function setPerModel<T>(model: ReportModel, key: symbol, value: T): void {
  Object.defineProperty(model, key, { value, configurable: true });
}

/** A per-model value, if set. */
export function getPerModel<T>(model: ReportModel, key: symbol): T | undefined {
  return (model as unknown as Record<symbol, T | undefined>)[key];
}
