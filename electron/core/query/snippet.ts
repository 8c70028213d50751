/** Search-result snippets: the text around the first match, whitespace collapsed, `…` where cut, ≤ 160 chars. */

export const SNIPPET_MAX = 160;

/** A snippet of `body` around the first of `needles` (lower-cased) found; the body's start when none is. */
export function makeSnippet(body: string, needles: string[], max = SNIPPET_MAX): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  let at = -1;
  let len = 0;
  for (const n of needles) {
    if (!n) continue;
    const i = lower.indexOf(n);
    if (i >= 0) {
      at = i;
      len = n.length;
      break;
    }
  }
  if (at < 0) return text.slice(0, max - 1).trimEnd() + '…';
  // room for the two ellipses; put the match about a third of the way in
  const room = max - 2;
  let start = Math.max(0, at - Math.floor((room - len) / 3));
  let end = Math.min(text.length, start + room);
  start = Math.max(0, end - room);
  // do not cut a surrogate pair
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start++;
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
