/**
 * The grammar for editors: where the wiki links, embeds, markdown links and tags of a text are (offset ranges into
 * the text as given), which one is under a position (Ctrl/Cmd-click, hover), and what is being typed (completion).
 * The same parse and rules as the index (parseBody, splitWiki, scanTags, comments, frontmatter): a link the index
 * does not see (in code, in a comment, in math… ) is no span here either.
 */
import { closes, FENCE_LINE, type Fence, opening } from './fences.ts';
import { typingBlockId } from './blocks.ts';
import { cutComments } from './comments.ts';
import { findFrontmatter, wikiLinksInProperties } from './frontmatter.ts';
import type { MdNode } from './nodes.ts';
import { needsGfm, parseBody } from './processor.ts';
import { isTagBoundary, scanTags, TAG_BODY } from './tags.ts';
import { splitMarkdownUrl, splitWiki, type LinkParts } from './wiki-target.ts';

/** One link or tag in a text. `text.slice(from, to)` is `raw`. */
export interface Span {
  /** `wiki` `[[…]]`, `embed` `![[…]]`, `markdown` `[t](dest)` / `![a](dest)`, `property` a wiki link in frontmatter, `tag` `#tag`. */
  kind: 'wiki' | 'embed' | 'markdown' | 'property' | 'tag';
  /** Offsets into the text given (0-based, UTF-16 code units; `to` exclusive). */
  from: number;
  to: number;
  raw: string;
  /** What a link names (splitWiki / splitMarkdownUrl); null for a tag, an external URL or a link naming nothing. */
  parts: LinkParts | null;
  /** For `markdown`: the destination as parsed (unescaped); for `tag`: the tag without `#`. */
  url?: string;
  tag?: string;
}

/** Longest text findSpans parses for linkAt in one go; a longer note is read in a window around the position. */
export const LINK_AT_WHOLE_TEXT = 100_000;
/** How far back windowAround reaches for the opening fence of a code block its range starts in, characters. */
export const FENCE_REACH = 100_000;
/** Characters windowAround (spansIn, previewIn) reads at most beyond the range on either side. */
export const SPAN_WINDOW = 20_000;
const WINDOW = SPAN_WINDOW;

/** Called for every node of the parse (preview.ts reads formatting marks with it); offsets are into `src`. */
export type NodeVisitor = (node: MdNode, src: string) => void;

function collect(node: MdNode, src: string, out: Span[], visit?: NodeVisitor): void {
  const p = node.position;
  visit?.(node, src);
  switch (node.type) {
    case 'wikiLink':
    case 'wikiEmbed': {
      const s = p!.start.offset!;
      const e = p!.end.offset!;
      const embed = node.type === 'wikiEmbed';
      out.push({
        kind: embed ? 'embed' : 'wiki',
        from: s,
        to: e,
        raw: src.slice(s, e),
        parts: splitWiki(src.slice(s + (embed ? 3 : 2), e - 2)),
      });
      return;
    }
    case 'link':
    case 'image': {
      const s = p!.start.offset!;
      const e = p!.end.offset!;
      out.push({
        kind: 'markdown',
        from: s,
        to: e,
        raw: src.slice(s, e),
        parts: splitMarkdownUrl(node.url ?? ''),
        url: node.url ?? '',
      });
      return;
    }
    case 'text': {
      if (!p || (node.value ?? '').indexOf('#') === -1) return;
      for (const t of scanTags(src, p.start.offset!, p.end.offset!)) {
        out.push({ kind: 'tag', from: t.start, to: t.end, raw: src.slice(t.start, t.end), parts: null, tag: t.tag });
      }
      return;
    }
    case 'code':
    case 'inlineCode':
    case 'html':
    case 'math':
    case 'inlineMath':
      return;
  }
  const kids = node.children;
  if (kids) for (let i = 0; i < kids.length; i++) collect(kids[i], src, out, visit);
}

/**
 * Every wiki link, embed, markdown link and tag in `text` (a whole note, or a part of one that starts at a block
 * boundary), in order, with offsets into `text`. Frontmatter at the start of `text` gives `property` spans (unless
 * `frontmatter: false`: `text` is a part from the middle of a note); comments
 * and code give none. `\n` line endings expected (CodeMirror's documents have them). Linear in the text's length.
 */
export function findSpans(text: string, options: { frontmatter?: boolean } = {}): Span[] {
  return parseSpans(text, options).spans;
}

/**
 * findSpans, also calling `visit` on every node of the body's parse (GFM on when `gfm`); `back(offset)` maps an offset
 * of the parsed source (what `visit` sees) to one in `text`.
 */
export function parseSpans(
  text: string,
  options: { frontmatter?: boolean; gfm?: boolean },
  visit?: NodeVisitor,
): { spans: Span[]; back(offset: number): number } {
  const out: Span[] = [];
  let bodyStart = 0;
  if (options.frontmatter !== false && text.startsWith('---')) {
    const fm = findFrontmatter(text);
    if (fm) {
      const yamlStart = text.indexOf('\n') + 1;
      for (const l of wikiLinksInProperties(fm.yaml)) {
        const from = yamlStart + l.start;
        out.push({
          kind: 'property',
          from,
          to: yamlStart + l.end,
          raw: text.slice(from, yamlStart + l.end),
          parts: splitWiki(l.inner),
        });
      }
      bodyStart = fm.bodyStart;
    }
  }
  const body = bodyStart ? text.slice(bodyStart) : text;
  const { src, back } = cutComments(body);
  const spans: Span[] = [];
  collect(parseBody(src, options.gfm || needsGfm(src)), src, spans, visit);
  for (const s of spans) {
    s.from = back(s.from) + bodyStart;
    s.to = back(s.to - 1) + 1 + bodyStart;
    s.raw = text.slice(s.from, s.to);
    out.push(s);
  }
  return { spans: out, back: (o) => back(o) + bodyStart };
}

/** Offset of the start of the blank-line-separated block holding `pos`, at most `limit` characters back. */
function blockStart(text: string, pos: number, limit: number): number {
  const nl = text.lastIndexOf('\n\n', pos - 1);
  if (nl !== -1 && nl >= pos - limit) return nl + 2;
  if (pos <= limit) return 0;
  return text.indexOf('\n', pos - limit) + 1;
}

/**
 * The offset of the opening fence line of the fenced code block that offset `pos` of `text` lies in, or -1 when it
 * lies in none, pairing the fence lines from `from` on as CommonMark does (fences.ts). One regular-expression pass
 * over `[from, pos)`.
 */
export function openFenceAt(text: string, pos: number, from = 0): number {
  FENCE_LINE.lastIndex = from;
  let open: (Fence & { at: number }) | null = null;
  for (let m = FENCE_LINE.exec(text); m && m.index < pos; m = FENCE_LINE.exec(text)) {
    const [, run, rest] = m;
    if (!open) {
      const f = opening(run, rest);
      if (f) open = { ...f, at: m.index };
    } else if (closes(open, run, rest)) open = null;
  }
  return open ? open.at : -1;
}

/**
 * The part `[start, end)` of `text` that is parsed for the range `[from, to]`: the blank-line-separated blocks around
 * it, at most 20,000 characters beyond it either side, from offset 0 when the range reaches into the frontmatter.
 * A start that would fall inside a fenced code block (a blank line in the code) moves back to the block's opening
 * fence when that is at most {@link FENCE_REACH} characters before the range: else the code's closing fence would be
 * read as an opening one, and the text after it as code.
 */
export function windowAround(text: string, from: number, to: number): { start: number; end: number } {
  const fm = text.startsWith('---') ? findFrontmatter(text) : null;
  const body = fm ? fm.bodyStart : 0;
  let start = fm && from < body ? 0 : Math.max(blockStart(text, from, WINDOW), body);
  if (start > body) {
    const open = openFenceAt(text, start, body);
    if (open !== -1 && open >= from - FENCE_REACH) start = open;
  }
  let end = text.indexOf('\n\n', Math.max(to, start));
  if (end === -1 || end > to + WINDOW) end = Math.min(text.length, to + WINDOW);
  return { start, end };
}

/**
 * The spans that overlap `[from, to]` of `text` (a whole note), with offsets into `text`: the blank-line-separated
 * blocks around the range are parsed (at most 20,000 characters beyond it either side; the frontmatter too when the
 * range reaches into it). For editor decorations of the visible lines: cost follows the range, not the note.
 * A fenced code block or comment that opens more than that window before the range is not seen.
 */
export function spansIn(text: string, from: number, to: number): Span[] {
  const { start, end } = windowAround(text, from, to);
  const out: Span[] = [];
  for (const s of findSpans(text.slice(start, end), { frontmatter: start === 0 })) {
    if (s.to + start < from) continue;
    if (s.from + start > to) break;
    out.push({ ...s, from: s.from + start, to: s.to + start });
  }
  return out;
}

/**
 * The link or tag at offset `pos` of `text` (a whole note), or null: `from <= pos <= to`, so a position just after
 * a link still hits it (as a click at its end does). Notes up to {@link LINK_AT_WHOLE_TEXT} characters are parsed
 * whole (exact); in a longer one, the blocks around `pos` (spansIn).
 */
export function linkAt(text: string, pos: number): Span | null {
  const spans = text.length <= LINK_AT_WHOLE_TEXT ? findSpans(text) : spansIn(text, pos, pos);
  for (const s of spans) {
    if (s.from <= pos && pos <= s.to) return s;
    if (s.from > pos) break;
  }
  return null;
}

/** What is being typed at the cursor, for completion. Offsets are into the line (text before the cursor). */
export type CompletionContext =
  /** Inside `[[` or `![[`: a note or file name; `from` is where the name starts. */
  | { kind: 'link'; embed: boolean; from: number; query: string }
  /** After `[[target#` (or `[[#`): a heading of `target` ('' = this note); `from` is after the last `#`. */
  | { kind: 'heading'; embed: boolean; from: number; query: string; target: string }
  /** After `[[target#^`: a block id of `target`; `from` is after `^`. */
  | { kind: 'block'; embed: boolean; from: number; query: string; target: string }
  /** After `#` at a tag boundary: a tag; `from` is after `#`. */
  | { kind: 'tag'; from: number; query: string }
  /** After ` ^` at the end of a line with text: a new block id for that line (blocks.ts); `from` is after `^`. */
  | { kind: 'blockId'; from: number; query: string };

/**
 * The completion context at the end of `before` (the line's text up to the cursor), or null. Inside `[[` means an
 * unclosed `[[` on the line with no `|` after it (after `|` the alias is free text). A tag needs at least one
 * character after `#` (a `#` alone may be starting a heading). ` ^` at the end of a line with text is a block id.
 */
export function completionContext(before: string): CompletionContext | null {
  const open = before.lastIndexOf('[[');
  if (open !== -1 && before.indexOf(']]', open) === -1) {
    const inner = before.slice(open + 2);
    if (inner.indexOf('|') === -1 && inner.indexOf('[') === -1) {
      const embed = open > 0 && before.charCodeAt(open - 1) === 33;
      const hash = inner.indexOf('#');
      if (hash === -1) return { kind: 'link', embed, from: open + 2, query: inner };
      const target = inner.slice(0, hash).trim();
      const caret = inner.lastIndexOf('#^');
      if (caret !== -1)
        return { kind: 'block', embed, from: open + 2 + caret + 2, query: inner.slice(caret + 2), target };
      const last = inner.lastIndexOf('#');
      return { kind: 'heading', embed, from: open + 3 + last, query: inner.slice(last + 1), target };
    }
  }
  const id = typingBlockId(before);
  if (id) return { kind: 'blockId', ...id };
  const h = before.lastIndexOf('#');
  if (h === -1 || h === before.length - 1) return null;
  if (h > 0 && !isTagBoundary(before.charCodeAt(h - 1))) return null;
  TAG_BODY.lastIndex = h + 1;
  const m = TAG_BODY.exec(before);
  if (!m || h + 1 + m[0].length !== before.length) return null;
  return { kind: 'tag', from: h + 1, query: m[0] };
}
