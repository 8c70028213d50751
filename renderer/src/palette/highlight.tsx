import type { ReactNode } from 'react';

/**
 * A string with the characters at `indexes` (UTF-16 offsets, ascending, e.g. fuzzysort's `Result.indexes`) wrapped in
 * `<mark>`, adjacent ones merged into one mark. Rendered as React text, never as HTML.
 */
export function highlightIndexes(text: string, indexes: ReadonlyArray<number>): ReactNode[] {
  if (!indexes.length) return [text];
  const sorted = [...indexes].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  let pos = 0;
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i];
    let end = start + 1;
    while (i + 1 < sorted.length && sorted[i + 1] <= end) {
      i++;
      end = Math.max(end, sorted[i] + 1);
    }
    i++;
    if (start > pos) out.push(text.slice(pos, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    pos = end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}
