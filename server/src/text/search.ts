/**
 * The index of the last value in ascending `sorted` that is at most `value` (0 when none is:
 * callers search starts of lines or units, and the first starts at 0).
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
