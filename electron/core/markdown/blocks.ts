/**
 * Block ids (Obsidian): `^id` at the end of a paragraph or list item's text, after whitespace, e.g.
 * `A claim. ^claim-1`; and right after an embed, `![[image.png]]^fig` (as Obsidian's help vault writes it).
 * An id is Latin letters, digits and `-` (Obsidian's help: "Latin letters, numbers, and dashes"); `^调度` is text.
 */
import type { MdNode } from './nodes.ts';
import { isTagBoundary } from './tags.ts';

/** `^id` at the end of a paragraph's last line. Group 1: the id. */
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

/** `^id` being typed at the end of a line (after whitespace, with text before it). Group 1: the id so far. */
const TYPING_BLOCK_ID = /\S[ \t]+\^([A-Za-z0-9-]*)$/;

/**
 * Is a block id being typed at the end of `before` (a line's text up to the cursor: `text ^ab`)? Returns the
 * offset after `^` and the id typed so far, or null. The same id rule as {@link blockIdOf}.
 */
export function typingBlockId(before: string): { from: number; query: string } | null {
  const m = TYPING_BLOCK_ID.exec(before);
  if (!m) return null;
  return { from: before.length - m[1].length, query: m[1] };
}

/** A block id found on a paragraph: the id, the 1-based line of `^` (in the parsed text) and the offset of `^`. */
export interface BlockIdHit {
  id: string;
  line: number;
  caret: number;
}

/**
 * The block id a paragraph ends with, or null. `src` is the text the paragraph was parsed from (positions index it).
 * Only the paragraph's last text node on its last line is read: linear in that line.
 */
export function blockIdOf(node: MdNode, src: string): BlockIdHit | null {
  const children = node.children;
  if (!children || children.length === 0) return null;
  const last = children[children.length - 1];
  if (last.type !== 'text' || !last.value || last.value.indexOf('^') === -1 || !last.position) return null;
  const ts = last.position.start.offset!;
  const te = last.position.end.offset!;
  const lineStart = src.lastIndexOf('\n', te - 1) + 1;
  const from = Math.max(lineStart, ts);
  const m = BLOCK_ID.exec(src.slice(from, te));
  if (!m) return null;
  const caret = from + m.index + m[0].indexOf('^');
  if (caret > lineStart && !isTagBoundary(src.charCodeAt(caret - 1))) {
    // `![[image.png]]^id`: the id may stand right after an embed
    const prev = children.length > 1 ? children[children.length - 2] : null;
    if (!(prev && prev.type === 'wikiEmbed' && prev.position?.end.offset === caret && caret === ts)) return null;
  }
  return { id: m[1], line: last.position.end.line, caret };
}
