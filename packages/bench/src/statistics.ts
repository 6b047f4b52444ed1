// Medians, percentiles and ratios. Every figure the bench reports is summarised the same way: the median of
// several rounds, with the smallest and largest round shown as the spread.

export type Spread = { median: number; min: number; max: number; rounds: number[] };

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function spread(rounds: readonly number[]): Spread {
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds: [...rounds] };
}

/**
 * Round-by-round ratio of two series measured in the same rounds (ours ÷ baseline), summarised. Pairing by
 * round cancels drift that affects both (a busy neighbour, thermal state) better than a ratio of medians.
 */
export function pairedRatio(ours: readonly number[], baseline: readonly number[]): Spread {
  if (ours.length !== baseline.length) throw new Error("paired ratio needs the same number of rounds");
  return spread(ours.map((value, i) => value / baseline[i]!));
}
