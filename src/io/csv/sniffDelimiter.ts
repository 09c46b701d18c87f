/** Delimiters tried when a mapping declares none, in order of preference on a tie. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Guesses the delimiter of delimited text from its first lines (outside quotes): the candidate
 * that occurs the same, non-zero number of times on each of up to ten non-blank lines; failing
 * that, the most frequent on the first line. Comma when nothing is found (a one-column file).
 * Declare `delimiter` in the mapping to skip the guess.
 *
 * @example
 * sniffDelimiter('日期;项目;数量\n2025-01;电解用电;1.234,5\n') // ';'
 */
export function sniffDelimiter(text: string): string {
  const lines = firstLines(text, 10);
  const counts = lines.map((line) => CANDIDATE_DELIMITERS.map((candidate) => countOutsideQuotes(line, candidate)));
  const first = counts[0] ?? [];
  let best = -1;
  let bestConsistent = false;
  CANDIDATE_DELIMITERS.forEach((_, k) => {
    const count = first[k] ?? 0;
    if (count === 0) return;
    const consistent = counts.every((row) => row[k] === count);
    // A candidate seen equally often on every line beats one that is not; then more columns wins.
    const better = best === -1 || (consistent && !bestConsistent) || (consistent === bestConsistent && count > (first[best] ?? 0));
    if (better) {
      best = k;
      bestConsistent = consistent;
    }
  });
  return best === -1 ? ',' : CANDIDATE_DELIMITERS[best]!;
}

function firstLines(text: string, limit: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let index = 0; index < text.length && lines.length < limit; index += 1) {
    const char = text[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      const line = text.slice(start, index);
      if (line.trim() !== '') lines.push(line);
      start = index + 1;
    }
  }
  if (lines.length < limit) {
    const rest = text.slice(start);
    if (rest.trim() !== '' && !rest.includes('\n')) lines.push(rest);
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === delimiter) count += 1;
  }
  return count;
}
