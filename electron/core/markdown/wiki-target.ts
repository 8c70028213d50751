/**
 * The wiki-target splitter: link text → target / heading / block / alias, for wiki links (`[[…]]`, `![[…]]`,
 * property links) and markdown links (`[text](url)`). The one place these rules live (index, reading view, editor,
 * rename, CLI all call it).
 */
import type { WikiData } from './nodes.ts';
import { nfc } from './text.ts';

export interface LinkParts {
  target: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
}

/**
 * Splits the inside of `[[…]]` (without the brackets). `a#b#c|x` → target `a`, heading `c` (Obsidian links to the
 * LAST heading of a path), alias `x`; `a#^id` → block `id`; `a\|b` (escaped pipe, as written inside a GFM table) →
 * target `a`, alias `b`; the target is trimmed and NFC-normalised. Returns null for a link that names nothing
 * (`[[]]`, `[[|x]]`, `[[#]]`).
 */
export function splitWiki(inner: string): LinkParts | null {
  let left = inner;
  let alias: string | null = null;
  const bar = inner.indexOf('|');
  if (bar !== -1) {
    left = inner.slice(0, bar);
    if (left.endsWith('\\')) left = left.slice(0, -1);
    alias = inner.slice(bar + 1).trim() || null;
  }
  let target = left;
  let heading: string | null = null;
  let block: string | null = null;
  const hash = left.indexOf('#');
  if (hash !== -1) {
    target = left.slice(0, hash);
    const parts = left
      .slice(hash + 1)
      .split('#')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    let last = parts.length ? parts[parts.length - 1] : null;
    if (last !== null && last.startsWith('^')) {
      block = last.slice(1).trim() || null;
      parts.pop();
      last = parts.length ? parts[parts.length - 1] : null;
    }
    heading = last;
  }
  target = nfc(target.trim());
  if (target === '' && heading === null && block === null) return null;
  return { target, heading, block, alias };
}

/** `scheme:` (https:, mailto:, obsidian:, file:, …) or protocol-relative `//host`: not a note in the vault. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decodePercent(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // A stray `%` that is not an escape: decode what can be decoded.
    return s.replace(/(?:%[0-9a-f]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

/**
 * Splits a markdown link destination (already unescaped by micromark, `<…>` removed) into a vault target,
 * or returns null when it is external (a URL, `mailto:`, any `scheme:`) or empty. `%xx` escapes are decoded;
 * `#heading` / `#^block` become heading / block; a `?query` is dropped.
 */
export function splitMarkdownUrl(url: string): LinkParts | null {
  const u = url.trim();
  if (u === '' || EXTERNAL.test(u)) return null;
  let path = u;
  let frag: string | null = null;
  const hash = u.indexOf('#');
  if (hash !== -1) {
    path = u.slice(0, hash);
    frag = u.slice(hash + 1);
  }
  const q = path.indexOf('?');
  if (q !== -1) path = path.slice(0, q);
  const target = nfc(decodePercent(path).trim());
  let heading: string | null = null;
  let block: string | null = null;
  if (frag !== null) {
    const f = decodePercent(frag).trim();
    if (f.startsWith('^')) block = f.slice(1) || null;
    else heading = f || null;
  }
  if (target === '' && heading === null && block === null) return null;
  return { target, heading, block, alias: null };
}

/** The headings written in `[[a#B#C]]` (without a trailing `^block`), outermost first. */
export function headingPathOf(inner: string): string[] {
  const bar = inner.indexOf('|');
  const left = bar === -1 ? inner : inner.slice(0, bar).replace(/\\$/, '');
  const hash = left.indexOf('#');
  if (hash === -1) return [];
  const parts = left
    .slice(hash + 1)
    .split('#')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length && parts[parts.length - 1].startsWith('^')) parts.pop();
  return parts;
}

const SIZE = /^(\d{1,5})(?:x(\d{1,5}))?$/;

/** `100` → {width: 100}, `100x50` → {width: 100, height: 50} (Obsidian's image size after `|`), else null. */
export function embedSize(alias: string | null): { width: number; height?: number } | null {
  if (alias === null) return null;
  const m = SIZE.exec(alias.trim());
  if (!m) return null;
  return m[2] === undefined ? { width: Number(m[1]) } : { width: Number(m[1]), height: Number(m[2]) };
}

/** What Obsidian shows for a wiki link without alias: `target > heading`, `target > ^block`, `heading`, `target`. */
export function wikiLabel(parts: LinkParts): string {
  if (parts.alias) return parts.alias;
  const sub = parts.block !== null ? `^${parts.block}` : parts.heading;
  if (sub === null) return parts.target;
  return parts.target ? `${parts.target} > ${sub}` : sub;
}

/**
 * Everything a renderer or editor needs about a wiki link or embed from its inner text; null when it names nothing.
 * For an embed, an alias that is a size (`100x50`) is reported as `size` (and still as `alias`).
 */
export function wikiData(inner: string, embed = false): WikiData | null {
  const parts = splitWiki(inner);
  if (!parts) return null;
  const size = embed ? embedSize(parts.alias) : null;
  return {
    inner,
    target: parts.target,
    heading: parts.heading,
    headingPath: headingPathOf(inner),
    block: parts.block,
    alias: parts.alias,
    label: size ? wikiLabel({ ...parts, alias: null }) : wikiLabel(parts),
    size,
  };
}

/** The inner text of a wiki link or embed written whole (`[[a|b]]`, `![[a]]` → `a|b`, `a`); other text as is. */
export function wikiInner(text: string): string {
  const t = text.trim();
  if (t.endsWith(']]')) {
    if (t.startsWith('[[')) return t.slice(2, -2);
    if (t.startsWith('![[')) return t.slice(3, -2);
  }
  return text;
}
