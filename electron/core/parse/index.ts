/**
 * The note parser: one markdown note → the facts the index stores (`ParsedNote`, electron/core/model.ts).
 *
 * One pass each, nothing parsed twice:
 *  1. normalise (BOM, CRLF/CR → LF), cut off the frontmatter (YAML parsed with `yaml`, property links read there);
 *  2. remove `%% %%` and `<!-- -->` comments from the body, keeping line endings;
 *  3. one micromark/mdast parse of the body (GFM only when the body has a table or a footnote).
 * Every markdown rule (wiki links, embeds, the target splitter, tags, block ids, comments, frontmatter) is the
 * grammar's, electron/core/markdown; this module only walks the tree and collects facts:
 *  4. one walk of the tree: headings, block ids, links, embeds, inline tags, inline fields, and the ranges that
 *     mentionText blanks (code, links, html).
 * Lines are 1-based lines of the whole file: body line N is file line N + frontmatterLines.
 *
 * The indexer calls parseNote from worker threads; every export here is pure and synchronous.
 */
import type { BlockFact, HeadingFact, LinkFact, LinkKind, ParsedNote, ProblemFact } from '../model.ts';
import {
  blockIdOf,
  findFrontmatter,
  needsGfm,
  parseBody,
  parseFrontmatter,
  scanBareUrls,
  scanTags,
  splitMarkdownUrl,
  splitWiki,
  stripComments,
  type FrontmatterFacts,
  type LinkParts,
  type MdNode,
  type TagSpan,
} from '../markdown/index.ts';
import { contextOf, lineAround, textStats, titleOf } from '../markdown/text.ts';

export { decodeNote } from './decode.ts';
export { titleOf, textStats } from '../markdown/text.ts';

/** `key:: value` on its own line (Dataview inline field), maybe in a list item or quote. Group 1: the key. */
const INLINE_FIELD =
  /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[.\][ \t]+)?([\p{L}\p{N}_][\p{L}\p{N}_ \-/.]*?)[ \t]*::/u;

interface PendingRef {
  node: MdNode;
  start: number;
  end: number;
}
interface LineInfo {
  start: number;
  end: number;
  field: string | null;
  fieldEnd: number;
}

/** Walks one body tree; collects facts in body coordinates, lines already shifted to file lines. */
class Walker {
  readonly headings: HeadingFact[] = [];
  readonly blocks: BlockFact[] = [];
  readonly links: LinkFact[] = [];
  readonly tags: string[] = [];
  /** [start, end) offset pairs in src to blank in mentionText. */
  readonly blanks: number[] = [];
  private readonly tagSpans: TagSpan[] = [];
  /** Offset of the next `#` at or after the last text node read, or -1 when there is none. */
  private nextHash = 0;
  private readonly urlCursor: { next: number };
  private lastLine: LineInfo | null = null;
  private colonsFrom = Number.MAX_SAFE_INTEGER;
  private colonsAt = -1;
  private definitions: Map<string, string> | null = null;
  private refs: PendingRef[] | null = null;
  private sortLinks = false;

  private readonly src: string;
  private readonly lineOffset: number;

  constructor(src: string, lineOffset: number) {
    this.src = src;
    this.lineOffset = lineOffset;
    this.urlCursor = { next: src.indexOf('://') };
  }

  /** Visits the tree in document order, with an explicit stack: 50,000 nested `>` must not overflow the call stack. */
  walk(root: MdNode): void {
    const stack: MdNode[] = [root];
    while (stack.length) {
      const node = stack.pop() as MdNode;
      if (!this.visit(node)) continue;
      const children = node.children;
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  /** Handles one node; true when its children are to be visited. */
  private visit(node: MdNode): boolean {
    switch (node.type) {
      case 'text':
        this.text(node);
        return false;
      case 'wikiLink':
        this.wiki(node, 'wiki', 2);
        return false;
      case 'wikiEmbed':
        this.wiki(node, 'embed', 3);
        return false;
      case 'link':
      case 'image':
        this.markdownLink(node);
        return false;
      case 'linkReference':
      case 'imageReference':
        this.reference(node);
        return false;
      case 'definition':
        this.definition(node);
        return false;
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'math':
      case 'inlineMath':
        this.blank(node);
        return false;
      case 'heading':
        this.heading(node);
        return true;
      case 'paragraph':
        this.blockId(node);
        return true;
    }
    return true;
  }

  /** Resolves reference-style links once all definitions are known. */
  finish(): void {
    if (this.refs && this.definitions) {
      for (const r of this.refs) {
        const url = this.definitions.get(r.node.identifier ?? '');
        if (url === undefined) continue;
        const parts = splitMarkdownUrl(url);
        if (!parts) continue;
        parts.alias = r.node.type === 'imageReference' ? r.node.alt || null : plainText(r.node, this.src) || null;
        this.push('markdown', r.node, r.start, r.end, this.src.slice(r.start, r.end), parts);
        this.sortLinks = true;
      }
    }
    if (this.sortLinks) this.links.sort((a, b) => a.line - b.line);
  }

  private blank(node: MdNode): void {
    const p = node.position;
    if (p) this.blanks.push(p.start.offset!, p.end.offset!);
  }

  /** The first `::` at or after `from`; remembered, so that asking line after line stays linear. */
  private nextColons(from: number): number {
    if (from < this.colonsFrom || (this.colonsAt !== -1 && from > this.colonsAt)) {
      this.colonsFrom = from;
      this.colonsAt = this.src.indexOf('::', from);
    }
    return this.colonsAt;
  }

  /** The line holding `offset`, and its inline-field key. Links come in document order: the last line is kept. */
  private lineInfo(offset: number): LineInfo {
    const last = this.lastLine;
    if (last && offset >= last.start && offset <= last.end) return last;
    const { start, end } = lineAround(this.src, offset);
    let field: string | null = null;
    let fieldEnd = 0;
    const colons = this.nextColons(start);
    if (colons !== -1 && colons < end) {
      const m = INLINE_FIELD.exec(this.src.slice(start, Math.min(end, colons + 2)));
      if (m) {
        field = m[1].trim();
        fieldEnd = start + m[0].length;
      }
    }
    const info: LineInfo = { start, end, field, fieldEnd };
    this.lastLine = info;
    return info;
  }

  private push(kind: LinkKind, node: MdNode, start: number, end: number, raw: string, parts: LinkParts): void {
    const info = this.lineInfo(start);
    this.links.push({
      kind,
      raw,
      target: parts.target,
      heading: parts.heading,
      block: parts.block,
      alias: parts.alias,
      line: node.position!.start.line + this.lineOffset,
      context: contextOf(this.src, info.start, info.end, start, end),
      relation: info.field !== null && start >= info.fieldEnd ? info.field : null,
    });
  }

  private wiki(node: MdNode, kind: 'wiki' | 'embed', open: number): void {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.blanks.push(start, end);
    const raw = this.src.slice(start, end);
    const parts = splitWiki(raw.slice(open, -2));
    if (parts) this.push(kind, node, start, end, raw, parts);
  }

  private markdownLink(node: MdNode): void {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.blanks.push(start, end);
    const parts = splitMarkdownUrl(node.url ?? '');
    if (!parts) return;
    parts.alias = node.type === 'image' ? node.alt || null : plainText(node, this.src) || null;
    this.push('markdown', node, start, end, this.src.slice(start, end), parts);
  }

  private reference(node: MdNode): void {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.blanks.push(start, end);
    this.refs ??= [];
    this.refs.push({ node, start, end });
  }

  private definition(node: MdNode): void {
    this.blank(node);
    this.definitions ??= new Map();
    const defs = this.definitions;
    const id = node.identifier ?? '';
    if (!defs.has(id)) defs.set(id, node.url ?? '');
  }

  private heading(node: MdNode): void {
    this.headings.push({
      level: node.depth ?? 1,
      text: plainText(node, this.src).replace(/\s+/g, ' ').trim(),
      line: node.position!.start.line + this.lineOffset,
    });
  }

  /** `^id` at the end of a paragraph (or list item's paragraph), in its last text (the grammar's blockIdOf). */
  private blockId(node: MdNode): void {
    const hit = blockIdOf(node, this.src);
    if (hit) this.blocks.push({ id: hit.id, line: hit.line + this.lineOffset });
  }

  /** Inline `#tags` and bare URLs (blanked for mentions) in one text node. */
  private text(node: MdNode): void {
    const p = node.position;
    if (!p) return;
    const s = p.start.offset!;
    const e = p.end.offset!;
    const src = this.src;
    // text nodes come in document order: the next `#` is remembered, so finding them stays linear
    if (this.nextHash !== -1 && this.nextHash < s) this.nextHash = src.indexOf('#', s);
    if (this.nextHash !== -1 && this.nextHash < e) {
      const spans = this.tagSpans;
      spans.length = 0;
      scanTags(src, this.nextHash, e, spans);
      for (let i = 0; i < spans.length; i++) this.tags.push(spans[i].tag);
      this.nextHash = src.indexOf('#', e);
    }
    // bare URLs are blanked for mentions (the grammar's rule; linear across the walk through the cursor)
    if (this.urlCursor.next !== -1) scanBareUrls(src, s, e, this.blanks, this.urlCursor);
  }
}

/** Display text of a node: text and code values; a wiki link shows its alias or what it names; embeds show nothing. */
function plainText(node: MdNode, src: string): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value ?? '';
    case 'break':
      return ' ';
    case 'html':
    case 'wikiEmbed':
      return '';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'wikiLink': {
      const p = node.position;
      if (!p) return node.value ?? '';
      const inner = src.slice(p.start.offset! + 2, p.end.offset! - 2);
      const parts = splitWiki(inner);
      if (!parts) return '';
      if (parts.alias) return parts.alias;
      const bar = inner.indexOf('|');
      return (bar === -1 ? inner : inner.slice(0, bar).replace(/\\$/, '')).trim();
    }
  }
  const children = node.children;
  if (!children) return node.value ?? '';
  let s = '';
  for (let i = 0; i < children.length; i++) s += plainText(children[i], src);
  return s;
}

/** src with the given [start, end) pairs blanked (every character but `\n` becomes a space). */
function blankRanges(src: string, pairs: number[]): string {
  if (pairs.length === 0) return src;
  // Pairs come mostly in document order; sort only when they don't.
  let sorted = true;
  for (let i = 2; i < pairs.length; i += 2)
    if (pairs[i] < pairs[i - 2]) {
      sorted = false;
      break;
    }
  let list = pairs;
  if (!sorted) {
    const idx: Array<[number, number]> = [];
    for (let i = 0; i < pairs.length; i += 2) idx.push([pairs[i], pairs[i + 1]]);
    idx.sort((a, b) => a[0] - b[0]);
    list = idx.flat();
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < list.length; i += 2) {
    const a = Math.max(list[i], last);
    const b = list[i + 1];
    if (b <= a) continue;
    out += src.slice(last, a) + blank(src.slice(a, b));
    last = b;
  }
  return out + src.slice(last);
}

function blank(s: string): string {
  return s.indexOf('\n') === -1 ? ' '.repeat(s.length) : s.replace(/[^\n]/g, ' ');
}

function dedupeTags(lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const t of list) {
      const k = t.toLowerCase();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(t);
      }
    }
  }
  return out;
}

const NO_FRONTMATTER: FrontmatterFacts = { aliases: [], tags: [], properties: {}, links: [], problems: [] };

function parseNoteUnchecked(path: string, text: string): ParsedNote {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.indexOf('\r') !== -1) t = t.replace(/\r\n?/g, '\n');
  const fm = findFrontmatter(t);
  const bodyStart = fm ? fm.bodyStart : 0;
  const frontmatterLines = fm ? fm.lines : 0;
  const body = fm ? t.slice(bodyStart) : t;
  const facts = fm ? parseFrontmatter(fm) : NO_FRONTMATTER;

  const src = stripComments(body);
  const tree = parseBody(src, needsGfm(src));
  const walker = new Walker(src, frontmatterLines);
  walker.walk(tree);
  walker.finish();

  const { words, cjkChars } = textStats(body);
  const mentionText = (bodyStart > 0 ? blank(t.slice(0, bodyStart)) : '') + blankRanges(src, walker.blanks);
  return {
    path,
    title: titleOf(path),
    aliases: [...new Set(facts.aliases)],
    tags: dedupeTags([facts.tags, walker.tags]),
    headings: walker.headings,
    blocks: walker.blocks,
    properties: facts.properties,
    links: facts.links.length ? [...facts.links, ...walker.links] : walker.links,
    body,
    frontmatter: fm ? fm.yaml : '',
    mentionText,
    words,
    cjkChars,
    frontmatterLines,
    problems: [...facts.problems],
  };
}

/**
 * Parses one note. Pure and synchronous; never throws on bad markdown or YAML (a YAML error is a `frontmatter`
 * problem; anything unexpected gives an empty note with a `parse` problem).
 */
export function parseNote(path: string, text: string): ParsedNote {
  try {
    return parseNoteUnchecked(path, text);
  } catch (err) {
    const problems: ProblemFact[] = [
      { kind: 'parse', message: `could not parse: ${(err as Error)?.message ?? String(err)}` },
    ];
    const body = text.replace(/\r\n?/g, '\n');
    return {
      path,
      title: titleOf(path),
      aliases: [],
      tags: [],
      headings: [],
      blocks: [],
      properties: {},
      links: [],
      body,
      frontmatter: '',
      mentionText: body.replace(/[^\n]/g, ' '),
      ...textStats(body),
      frontmatterLines: 0,
      problems,
    };
  }
}
