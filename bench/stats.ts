// Small numeric helpers for turning raw timings into figures.

/** Nearest-rank percentile of an ascending array; null when it is empty. */
export function percentile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/** Requests per latency bucket (upper bounds in ms), small enough to keep in the JSON. */
export function histogram(ascending: Float64Array): Record<string, number> {
  const bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, Infinity];
  const counts: Record<string, number> = {};
  let bucket = 0;
  for (const latency of ascending) {
    while (latency > (bounds[bucket] ?? Infinity)) bucket++;
    const key = `<=${String(bounds[bucket] ?? Infinity)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
