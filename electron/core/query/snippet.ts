/** Search-result snippets: the text around the first match, whitespace collapsed, `…` where cut, ≤ 160 chars. */

export const SNIPPET_MAX = 160;

/**
 * Prefix lengths (UTF-16 code units) tried before the whole body: a search makes up to 50 snippets, and collapsing
 * and lower-casing every body whole was a quarter of a search's CPU on a 1k-note vault (issue 13, round 6).
 */
const PREFIXES = [640, 5120];

/** A snippet of `body` around the first of `needles` (lower-cased) found; the body's start when none is. */
export function makeSnippet(body: string, needles: string[], max = SNIPPET_MAX): string {
  const first = needles.find((n) => n !== '');
  if (first !== undefined) {
    for (const k of PREFIXES) {
      if (body.length <= 2 * k) break;
      const hit = prefixSnippet(body, k, first, max);
      if (hit !== null) return hit;
    }
  }
  return wholeSnippet(body, needles, max);
}

const SPACE = /\s/;

/**
 * `wholeSnippet`'s answer computed from a prefix of about `k` code units of `body`, or null when the prefix does not
 * decide it (`first`, the first non-empty needle, is not in it, the window reaches its end, or it holds a capital
 * sigma, whose lower case depends on the letters after it). The prefix ends on a non-space code unit that is not a
 * high surrogate, so its collapsed text is a prefix of the whole collapsed text and its lower case a prefix of the
 * whole lower case: the first match and the window are the same.
 */
function prefixSnippet(body: string, k: number, first: string, max: number): string | null {
  let end = k;
  while (end < body.length) {
    const c = body.charCodeAt(end - 1);
    if (!SPACE.test(body[end - 1]) && (c < 0xd800 || c > 0xdbff)) break;
    end++;
  }
  if (end >= body.length) return null;
  const text = body.slice(0, end).replace(/\s+/g, ' ').trimStart();
  if (text.includes('\u03a3')) return null;
  const at = text.toLowerCase().indexOf(first);
  if (at < 0) return null;
  const room = max - 2;
  let start = Math.max(0, at - Math.floor((room - first.length) / 3));
  // the whole text is longer than this prefix: the window ends at start + room, before the end (`wholeSnippet`)
  if (text.length <= start + max) return null;
  let stop = start + room;
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start++;
  if (/[\uD800-\uDBFF]/.test(text[stop - 1])) stop--;
  return (start > 0 ? '…' : '') + text.slice(start, stop) + '…';
}

function wholeSnippet(body: string, needles: string[], max: number): string {
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
