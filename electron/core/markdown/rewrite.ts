/**
 * Link-rewrite rules: changing where a link points while keeping the form it was written in (used by rename/move
 * and by "Link" for unlinked mentions). A wiki link keeps its `!`, spacing, `#heading`, `#^block`, `|alias` and
 * table-escaped `\|alias`; a markdown link keeps its text, `<…>` destination, `#fragment` and `"title"`.
 */

/** Where the target part of a wiki link or embed lies in `raw` (`[[ Old #h|a]]` → the ` Old ` range), or null. */
export function wikiTargetRange(raw: string): { start: number; end: number } | null {
  const open = raw.indexOf('[[');
  const close = raw.lastIndexOf(']]');
  if (open < 0 || close < open + 2) return null;
  let i = open + 2;
  for (; i < close; i++) {
    const c = raw.charCodeAt(i);
    if (c === 35 /* # */ || c === 124 /* | */) break;
    if (c === 92 /* \ */ && raw.charCodeAt(i + 1) === 124) break;
  }
  return { start: open + 2, end: i };
}

/**
 * `raw` (a wiki link or embed as written) pointing at `newTarget` instead, in the same form: surrounding spaces of
 * the old target are kept, and everything after it (`#heading`, `#^block`, `|alias`, `\|alias`). Null when `raw`
 * is no wiki link or names no target (`[[#Heading]]`).
 */
export function rewriteWikiTarget(raw: string, newTarget: string): string | null {
  const r = wikiTargetRange(raw);
  if (!r) return null;
  const part = raw.slice(r.start, r.end);
  const written = part.trim();
  if (written === '') return null;
  const lead = part.slice(0, part.length - part.trimStart().length);
  const trail = part.slice(part.trimEnd().length);
  return raw.slice(0, r.start) + lead + newTarget + trail + raw.slice(r.end);
}

/** The written target of a wiki link (trimmed), e.g. `folder/Old.md` of `[[folder/Old.md#h|x]]`; '' for `[[#h]]`. */
export function wikiTargetWritten(raw: string): string | null {
  const r = wikiTargetRange(raw);
  return r ? raw.slice(r.start, r.end).trim() : null;
}

/** The destination of a markdown link as written: `[t](dest "title")`, `[t](<dest>)`, `![a](dest)`. */
export interface MarkdownDestination {
  /** `raw.slice(start, end)` is the destination as written (with `<>` when angle-bracketed), title excluded. */
  start: number;
  end: number;
  angle: boolean;
  /** The path part as written (before `#`), still percent-encoded unless in `<>`. */
  path: string;
  /** `#heading` / `#^block` as written, with its `#`, or ''. */
  fragment: string;
  /** `scheme:` URL (https:, mailto:, …): not a file of the vault. */
  external: boolean;
}

/** Reads the destination of a markdown link as written (see MarkdownDestination), or null when `raw` is none. */
export function markdownDestination(raw: string): MarkdownDestination | null {
  const open = raw.lastIndexOf('](');
  if (open < 0 || !raw.endsWith(')')) return null;
  const dStart = open + 2;
  const dest = raw.slice(dStart, -1);
  let url: string;
  let len: number;
  const angle = dest.startsWith('<');
  if (angle) {
    const close = dest.indexOf('>');
    if (close < 0) return null;
    url = dest.slice(1, close);
    len = close + 1;
  } else {
    const m = /^\S*/.exec(dest)!;
    url = m[0];
    len = url.length;
  }
  const hash = url.indexOf('#');
  return {
    start: dStart,
    end: dStart + len,
    angle,
    path: hash < 0 ? url : url.slice(0, hash),
    fragment: hash < 0 ? '' : url.slice(hash),
    external: /^[a-z][a-z0-9+.-]*:/i.test(url),
  };
}

/** Percent-encodes what would end or break a markdown link destination; other Unicode (e.g. Chinese) stays readable. */
export function encodeDestinationMinimal(p: string): string {
  return p.replace(/[%\s()<>#?^[\]]/g, (c) => encodeURIComponent(c));
}

/** Percent-encodes every path segment fully (for links that were written fully encoded). */
export function encodeDestinationFull(p: string): string {
  return p
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * `raw` (a markdown link as written) pointing at the vault path `newPath` (unencoded), in the same form: `<…>`
 * stays angle-bracketed and unencoded; a destination that had non-ASCII `%xx` escapes is encoded fully, any other
 * minimally; fragment and title are kept. Null when `raw` is no markdown link or points outside the vault.
 */
export function rewriteMarkdownDestination(raw: string, newPath: string): string | null {
  const d = markdownDestination(raw);
  if (!d || d.external || d.path === '') return null;
  const fullyEncoded = /%[89a-f][0-9a-f]/i.test(d.path);
  const encoded = d.angle ? newPath : fullyEncoded ? encodeDestinationFull(newPath) : encodeDestinationMinimal(newPath);
  const dest = d.angle ? `<${encoded}${d.fragment}>` : encoded + d.fragment;
  return raw.slice(0, d.start) + dest + raw.slice(d.end);
}

/**
 * A wiki link to `target` showing `display` when that differs from the target as written (Obsidian's "Link" and
 * completion): `[[target]]`, `[[target|display]]`; inside a GFM table row the `|` is escaped: `[[target\|display]]`.
 */
export function makeWikiLink(target: string, display?: string | null, options: { inTable?: boolean } = {}): string {
  if (display == null || display === target) return `[[${target}]]`;
  return `[[${target}${options.inTable ? '\\|' : '|'}${display}]]`;
}
