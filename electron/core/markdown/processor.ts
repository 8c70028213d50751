/**
 * The unified preset of Obsidian-flavoured markdown, {@link remarkObsidian}, used by the index (electron/core/parse)
 * and the reading view (renderer/src/markdown) alike: remark-gfm (optional), remark-wiki-link (`aliasDivider: '|'`),
 * remark-math (optional), the embed construct (embed.ts), highlights `==x==` (micromark-extension-highlight-mark), inline
 * footnotes `^[note]` (inline-footnotes.ts: with or without GFM, so the index reads their links), and — unless turned off —
 * a parser wrapper that prepares the source (CRLF → LF, frontmatter → a `yaml` node, `%% %%`/`<!-- -->` comments cut)
 * and the Obsidian node transforms (transforms.ts). The mdast it produces is documented in nodes.ts.
 *
 * The index parses with `document: false` (it cuts the frontmatter and comments itself, and reads the raw tree:
 * {@link parseBody}); remark-gfm roughly halves the speed of a parse, and for the facts the index extracts it only
 * matters in tables (an unescaped `|` splits a cell, so `[[a|b]]` in a table is no link) and footnotes (`[^1]: …`
 * is otherwise a link definition), so the index runs GFM only for notes {@link needsGfm} says yes to.
 *
 * Comments are cut before the parse rather than parsed by a micromark construct: Obsidian's `%%` runs across
 * paragraphs, lists and code fences alike (real vaults comment out whole blocks of embeds), which no construct of
 * micromark's block/inline split can express.
 */
import { unified, type Plugin } from 'unified';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import wikiLinkPlugin from 'remark-wiki-link';
import { highlightMark } from 'micromark-extension-highlight-mark';
import { highlightMarkFromMarkdown, highlightMarkToMarkdown } from 'mdast-util-highlight-mark';
import { stripComments } from './comments.ts';
import { remarkWikiEmbed } from './embed.ts';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter.ts';
import type { MdNode } from './nodes.ts';
import { inlineFootnoteFromMarkdown, inlineFootnoteSyntax } from './inline-footnotes.ts';
import { taskStatusFromMarkdown, taskStatusSyntax } from './tasks.ts';
import { obsidianTransform } from './transforms.ts';

export type { MdNode } from './nodes.ts';

export interface ObsidianOptions {
  /**
   * GFM: tables, footnotes, strikethrough, task lists (with Obsidian's custom statuses `- [/]`: tasks.ts), autolink
   * literals. Default true.
   */
  gfm?: boolean;
  /**
   * Math `$…$` and `$$…$$` (remark-math: mdast `inlineMath` / `math`; no link, tag or embed inside). A single `$` opens
   * before a non-space and closes after one, not before a digit (patches/micromark-extension-math: currency such as
   * `$5 … $10` stays text). Default true.
   */
  math?: boolean;
  /**
   * Parse whole note files (default true): prepare the source (prepareSource) and apply the Obsidian transforms.
   * false: parse the given text as is and leave the raw tree (wikiLink, wikiEmbed, highlight nodes; no tags, block
   * ids or callouts) — the index's fast path.
   */
  document?: boolean;
}

// remark-wiki-link's own typings are `(this: any, opts?: {}) => void`.
const wikiOptions = { aliasDivider: '|', pageResolver: (name: string) => [name] };

interface ProcessorLike {
  data(): Record<string, unknown[] | undefined>;
  parser?: (doc: string, file: unknown) => unknown;
}

/** A note's text made ready for the parse: what the tree's positions index, and the frontmatter found. */
export interface PreparedSource {
  /**
   * The text parsed: `\n` line endings, the frontmatter replaced by as many empty lines (so line N is line N of the
   * file), comments cut with their line endings kept (text after a comment on its line moves left).
   */
  src: string;
  frontmatter: FrontmatterBlock | null;
}

/** The frontmatter of a whole note file (BOM and CRLF allowed), or null. */
export function frontmatterOf(text: string): FrontmatterBlock | null {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return null;
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.indexOf('\r') !== -1) t = t.replace(/\r\n?/g, '\n');
  return findFrontmatter(t);
}

/** Normalises line endings, blanks the frontmatter to empty lines and cuts comments. Linear. */
export function prepareSource(text: string): PreparedSource {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.indexOf('\r') !== -1) t = t.replace(/\r\n?/g, '\n');
  const fm = findFrontmatter(t);
  const body = fm ? '\n'.repeat(fm.lines) + t.slice(fm.bodyStart) : t;
  return { src: stripComments(body), frontmatter: fm };
}

/**
 * The unified preset: `unified().use(remarkParse).use(remarkObsidian, options)`. remark-parse must come first (the
 * preset wraps its parser); throws an Error otherwise.
 */
export const remarkObsidian: Plugin<[ObsidianOptions?], Root> = function remarkObsidian(
  this: unknown,
  options: ObsidianOptions = {},
): void {
  obsidianPreset.call(this as ProcessorLike, options);
};

function obsidianPreset(this: ProcessorLike, options: ObsidianOptions): void {
  const data = this.data();
  if (options.gfm !== false) {
    (remarkGfm as unknown as (this: ProcessorLike) => void).call(this);
    // Obsidian's tasks: any character between the brackets (after GFM's own extensions: tasks.ts)
    data.micromarkExtensions ??= [];
    data.micromarkExtensions.push(taskStatusSyntax());
    data.fromMarkdownExtensions ??= [];
    data.fromMarkdownExtensions.push(taskStatusFromMarkdown);
  }
  if (options.math !== false) (remarkMath as unknown as (this: ProcessorLike) => void).call(this);
  (wikiLinkPlugin as unknown as (this: ProcessorLike, o: unknown) => void).call(this, wikiOptions);
  remarkWikiEmbed.call(this);
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(highlightMark(), inlineFootnoteSyntax());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(highlightMarkFromMarkdown, inlineFootnoteFromMarkdown);
  data.toMarkdownExtensions ??= [];
  data.toMarkdownExtensions.push(highlightMarkToMarkdown);
  if (options.document === false) return;
  const base = this.parser;
  if (!base) throw new Error('remarkObsidian: use remark-parse before it');
  this.parser = (doc: string, file: unknown) => {
    const { src, frontmatter } = prepareSource(doc);
    const tree = base(src, file) as MdNode;
    obsidianTransform(tree, src);
    if (frontmatter) {
      tree.children!.unshift({
        type: 'yaml',
        value: frontmatter.yaml.replace(/\n$/, ''),
        position: {
          start: { line: 1, column: 1, offset: 0 },
          end: { line: frontmatter.lines, column: 1, offset: frontmatter.lines - 1 },
        },
      });
    }
    return tree;
  };
}

const bodyProcessors = [false, true].map((gfm) =>
  [false, true].map((math) => unified().use(remarkParse).use(remarkObsidian, { gfm, math, document: false }).freeze()),
);
const documents = unified().use(remarkParse).use(remarkObsidian).freeze();

/**
 * A GFM table needs a delimiter row: cells of `-` (with optional `:`) separated by `|`, at least one `|`.
 * May say yes when it isn't one (then GFM runs for nothing); must not say no to a real table.
 */
const DELIMITER_ROW = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:\|[ \t]*:?-+:?[ \t]*(?:\||$)|:?-+:?[ \t]*\|)/m;

/** Does this markdown need the GFM parse for the index's facts (a table delimiter row, or a footnote `[^`)? */
export function needsGfm(src: string): boolean {
  if (src.indexOf('[^') !== -1) return true;
  return src.indexOf('|') !== -1 && DELIMITER_ROW.test(src);
}

/**
 * The index's fast path: parses prepared markdown (no frontmatter, no comments) into the raw tree. GFM when asked
 * (see needsGfm); math whenever the text holds a `$` (without one the math construct can match nothing).
 */
export function parseBody(src: string, useGfm: boolean): MdNode {
  return bodyProcessors[useGfm ? 1 : 0][src.indexOf('$') !== -1 ? 1 : 0].parse(src) as unknown as MdNode;
}

/**
 * Parses a whole note file (frontmatter, comments and all) into Obsidian's mdast (nodes.ts), with GFM. Positions
 * index `prepareSource(text).src`; lines are the file's lines.
 */
export function parseObsidian(text: string): MdNode {
  return documents.parse(text) as unknown as MdNode;
}
