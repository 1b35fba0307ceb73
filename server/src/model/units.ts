import type { ReportModel, Span } from './types.js';
import type { BlockFacts } from './blocks.js';
import { getPerModel, setPerModel } from './perModel.js';
import { lastAtOrBefore } from '../text/search.js';

/*
 * The units a model was assembled from (incremental.ts). A unit's facts object stays the
 * same from version to version while the unit's text is unchanged (its offsets are relative
 * to its start), so it is the key for caches of whatever is derived from a block's text
 * alone: judgement statements, wording phrases. Every heading, paragraph, list item and
 * table of the model spans exactly one unit.
 */

export interface Units {
  units: readonly BlockFacts[];
  starts: readonly number[];
}

const UNITS = Symbol('units');

export function setUnits(model: ReportModel, units: Units): void {
  setPerModel(model, UNITS, units);
}

/** The units the model was assembled from, with their starts (absent for a model built otherwise). */
export function unitsOfModel(model: ReportModel): Units | undefined {
  return getPerModel<Units>(model, UNITS);
}

/** The facts of the unit whose extent is exactly `span` in the model's text, if any. */
export function unitAt(model: ReportModel, span: Span): BlockFacts | undefined {
  const u = getPerModel<Units>(model, UNITS);
  if (!u) return undefined;
  const { starts } = u;
  const lo = lastAtOrBefore(starts, span.start);
  const unit = u.units[lo];
  return unit && starts[lo] === span.start && unit.span.end === span.end - span.start ? unit : undefined;
}

export interface UnitCache<T> {
  map: WeakMap<object, { a: unknown; b: unknown; value: T }>;
}

export function unitCache<T>(): UnitCache<T> {
  return { map: new WeakMap() };
}

/** The entry memo made on `unit` for `a` and `b`, if any. */
function entryFor<T>(cache: UnitCache<T>, unit: object | undefined, a: unknown, b: unknown) {
  const hit = unit && cache.map.get(unit);
  return hit && hit.a === a && hit.b === b ? hit : undefined;
}

/**
 * What memo remembered on `unit` for `a` and `b` (a lookup that makes no closure); undefined
 * both when nothing is and when undefined is: for caches whose values are never undefined.
 */
export function remembered<T>(cache: UnitCache<T>, unit: object | undefined, a: unknown, b: unknown): T | undefined {
  return entryFor(cache, unit, a, b)?.value;
}

/**
 * `compute()`, remembered on `unit` for as long as it is called with the same `a` and `b`
 * (the context the value depends on besides the unit's text: profile, part…). Values must
 * not depend on where the unit is (offsets in them are relative to the unit's start), nor
 * hold strings sliced from the document (see text/detach.ts). An undefined value is
 * remembered too: most blocks hold no phrase and no grade, and those are the answers worth
 * not computing again.
 */
export function memo<T>(cache: UnitCache<T>, unit: object | undefined, a: unknown, b: unknown, compute: () => T): T {
  if (!unit) return compute();
  const hit = entryFor(cache, unit, a, b);
  if (hit) return hit.value;
  const value = compute();
  cache.map.set(unit, { a, b, value });
  return value;
}
