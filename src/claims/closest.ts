/** The known name closest to a mistyped one ("titel" → "title"), or null when none is close. */
export function closest(name: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Close enough to be a typo: about a third of the letters, at least one edit for short names.
  const limit = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  return best !== null && bestDistance <= limit ? best : null;
}

/** Optimal string alignment distance: Levenshtein plus swapped neighbours ("tilte"). */
export function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1]?.[j] ?? 0;
      const diag = rows[i - 1]?.[j - 1] ?? 0;
      let d = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
