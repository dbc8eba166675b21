/** Index (in [from, to)) of the first item that passes `test`, which holds for a suffix of them; `to` when none does. */
export function firstPassing<T>(list: readonly T[], from: number, to: number, test: (item: T) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
