/**
 * Markdown → sanitised hast for the Reading view, embeds and hover previews. Pipeline: remark-parse + the grammar's
 * preset `remarkObsidian` (GFM, wiki links, embeds, tags, block ids, callouts, highlights, frontmatter and `%% %%`
 * comments, math: see electron/core/markdown/nodes.ts), remark-rehype (raw HTML is dropped:
 * `allowDangerousHtml` stays off), {@link rehypeReading} (source lines, embed blocks, code-size caps), then
 * rehype-sanitize with GitHub's `defaultSchema`, extended only for the class names and data attributes the grammar
 * and this module emit. After the sanitiser, rehype-katex (math) and rehype-highlight (lowlight; code blocks with a
 * language) add their own trusted markup to already-sanitised text. Nothing here produces an HTML string for the
 * view; it turns the tree into React elements (hast-util-to-jsx-runtime).
 *
 * Bounded cost: notes over {@link RICH_MAX_CHARS} are not parsed at all (the view shows them as plain text), code
 * blocks over {@link HIGHLIGHT_MAX_CHARS} are not highlighted, KaTeX runs with `maxExpand`/`maxSize` limits.
 */
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkBreaks from 'remark-breaks';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeKatex from 'rehype-katex';
import rehypeHighlight from 'rehype-highlight';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { parse as parseYaml } from 'yaml';
import {
  CALLOUT_CLASS,
  CALLOUT_TITLE_CLASS,
  EMBED_CLASS,
  frontmatterOf,
  remarkObsidian,
  TAG_CLASS,
  WIKILINK_CLASS,
} from '../../../electron/core/markdown/index.ts';

export { EMBED_CLASS, WIKILINK_CLASS } from '../../../electron/core/markdown/index.ts';
/** Prefix rehype-sanitize puts on `id`s (defaultSchema.clobberPrefix); in-page `#x` links point at `user-content-x`. */
export const ID_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/**
 * Largest note rendered richly, UTF-16 units (≈ bytes for Latin text). Larger notes show as plain text, so that
 * parsing and drawing never hold the UI thread for more than about 200 ms (see scripts/bench-reading.ts).
 */
export const RICH_MAX_CHARS = 200_000;
/** Largest code block highlighted, characters; longer ones are shown unhighlighted. */
export const HIGHLIGHT_MAX_CHARS = 20_000;
/** Class of the block that holds an embed on its own line (a paragraph made only of `![[…]]`). */
export const EMBED_BLOCK_CLASS = 'embed-block';

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'table',
  'tr',
  'hr',
  'div',
  'ul',
  'ol',
  'section',
]);

interface ReadingOptions {
  /** Added to every source line (an excerpt starting at file line N has offset N - 1). */
  lineOffset?: number;
}

function isEmbedAnchor(n: ElementContent): boolean {
  if (n.type !== 'element' || n.tagName !== 'a') return false;
  const c = n.properties.className;
  return Array.isArray(c) && c.includes(EMBED_CLASS);
}

/** Gives a task list item's checkbox (its first `input`, in it or in its first paragraph) the item's `data-task`. */
function taskInput(li: Element): void {
  const first = li.children.find((c) => c.type === 'element');
  const box =
    first?.type === 'element' && first.tagName === 'input'
      ? first
      : first?.type === 'element' && first.tagName === 'p'
        ? first.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input')
        : undefined;
  if (box) box.properties.dataTask = li.properties.dataTask;
}

/**
 * Marks every block element with `data-line` (its first 1-based file line, for scroll-to-line), copies a task's
 * `data-task` onto its checkbox, turns a paragraph
 * made only of embeds into a `div.embed-block` (an embedded note is a block, which a `<p>` may not hold), and marks
 * long code blocks `no-highlight`.
 */
const rehypeReading: Plugin<[ReadingOptions?], HastRoot> =
  (opts = {}) =>
  (tree) => {
    const offset = opts.lineOffset ?? 0;
    const walk = (node: HastRoot | Element) => {
      for (const child of node.children as RootContent[]) {
        if (child.type !== 'element') continue;
        if (BLOCK_TAGS.has(child.tagName) && child.position)
          child.properties.dataLine = child.position.start.line + offset;
        if (child.tagName === 'p') {
          const meaningful = child.children.filter(
            (c) => !(c.type === 'text' && c.value.trim() === '') && !(c.type === 'element' && c.tagName === 'br'),
          );
          if (meaningful.length > 0 && meaningful.every(isEmbedAnchor)) {
            child.tagName = 'div';
            child.properties.className = [EMBED_BLOCK_CLASS];
          }
        }
        // Obsidian's `data-task` (the character between a task's brackets) on its checkbox as on its list item
        if (child.tagName === 'li' && typeof child.properties.dataTask === 'string') taskInput(child);
        if (child.tagName === 'code') {
          const text = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
          if (text.length > HIGHLIGHT_MAX_CHARS) {
            const cls = Array.isArray(child.properties.className) ? child.properties.className : [];
            child.properties.className = [...cls, 'no-highlight'];
          }
        }
        walk(child);
      }
    };
    walk(tree);
  };

const defaultAttrs = defaultSchema.attributes ?? {};

/** defaultSchema plus exactly what the grammar's preset, remark-math and {@link rehypeReading} emit. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultAttrs,
    // The first `className` rule for an element wins in hast-util-sanitize, so the footnote one is merged into ours.
    a: [
      ...(defaultAttrs.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
      ['className', 'data-footnote-backref', WIKILINK_CLASS, EMBED_CLASS, TAG_CLASS],
      'dataWikilink',
      'dataTag',
    ],
    // tasks (electron/core/markdown/tasks.ts): Obsidian's `is-checked` class and `data-task` status character
    li: [
      ...(defaultAttrs.li ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
      ['className', 'task-list-item', 'is-checked'],
      'dataTask',
    ],
    input: [...(defaultAttrs.input ?? []), 'dataTask'],
    div: [
      ...(defaultAttrs.div ?? []),
      ['className', CALLOUT_CLASS, CALLOUT_TITLE_CLASS, EMBED_BLOCK_CLASS, 'math', 'math-display'],
      'dataCallout',
      'dataCalloutFold',
    ],
    // remark-math: `<code class="language-math math-inline|math-display">`; long code: `no-highlight`.
    code: [['className', /^language-./, 'math-inline', 'math-display', 'no-highlight']],
    '*': [...(defaultAttrs['*'] ?? []), 'dataBlockId', 'dataLine'],
  },
};

/** KaTeX limits (untrusted input): no `\href`/`\url` trust, bounded macro expansion and sizes. */
const KATEX_OPTIONS = { throwOnError: false, strict: 'ignore' as const, trust: false, maxExpand: 500, maxSize: 50 };

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

function makeProcessor(lineOffset: number, breaks: boolean) {
  return (
    unified()
      .use(remarkParse)
      // The preset includes remark-math (`$…$`, `$$…$$`).
      .use(remarkObsidian)
      // Obsidian's default ("Strict line breaks" off): a single line break inside a paragraph is shown as one
      .use(breaks ? [remarkBreaks] : [])
      // The sanitiser prefixes ids (`user-content-`); without this, footnote ids would get the prefix twice.
      .use(remarkRehype, { clobberPrefix: '' })
      .use(rehypeReading, { lineOffset })
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeKatex, KATEX_OPTIONS)
      .use(rehypeHighlight, { plainText: ['mermaid', 'math', 'text', 'txt', 'plain'] })
  );
}

function processorFor(lineOffset: number, breaks: boolean) {
  const key = `${lineOffset}:${breaks}`;
  let p = processors.get(key);
  if (!p) {
    if (processors.size > 64) processors.clear();
    p = makeProcessor(lineOffset, breaks);
    processors.set(key, p);
  }
  return p;
}

/** A frontmatter property for the properties table: the key and its value(s) as written (strings). */
export interface Property {
  key: string;
  values: string[];
}

export interface RenderedNote {
  /** Sanitised hast of the body (frontmatter and comments removed); null when the note is too large (`plain`). */
  tree: HastRoot | null;
  /** Properties from the frontmatter; `null` when there is none or it is not a YAML mapping. */
  properties: Property[] | null;
  /** Inner texts of the wiki links and embeds in the body, unique, in order. */
  wikiLinks: string[];
  /** Set when the note is over {@link RICH_MAX_CHARS}: the view shows the text as is. */
  plain: boolean;
  /** Time the parse and transforms took, ms. */
  ms: number;
}

/** The frontmatter properties of a note's text (null: none, not a mapping, bad YAML, or the note is too large). */
export function noteProperties(text: string): Property[] | null {
  const fm = text.length <= RICH_MAX_CHARS ? frontmatterOf(text) : null;
  if (!fm) return null;
  try {
    const data: unknown = parseYaml(fm.yaml, { maxAliasCount: 100 });
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return Object.entries(data as Record<string, unknown>).map(([key, v]) => ({ key, values: propertyValues(v) }));
    }
  } catch {
    // bad YAML: the properties are left out (the index reports the problem)
  }
  return null;
}

/**
 * Renders a note's markdown (or an excerpt of one: `lineOffset` = its first file line - 1). Never throws on bad
 * YAML: the properties are then left out.
 */
export function renderMarkdown(text: string, opts: { lineOffset?: number; breaks?: boolean } = {}): RenderedNote {
  const t0 = performance.now();
  const properties = noteProperties(text);
  if (text.length > RICH_MAX_CHARS)
    return { tree: null, properties: null, wikiLinks: [], plain: true, ms: performance.now() - t0 };
  const processor = processorFor(opts.lineOffset ?? 0, opts.breaks ?? true);
  const tree = processor.runSync(processor.parse(text)) as HastRoot;
  const wikiLinks = new Set<string>();
  const collect = (n: HastRoot | RootContent) => {
    if (n.type === 'element' && typeof n.properties.dataWikilink === 'string') wikiLinks.add(n.properties.dataWikilink);
    if ('children' in n) n.children.forEach(collect);
  };
  collect(tree);
  return { tree, properties, wikiLinks: [...wikiLinks], plain: false, ms: performance.now() - t0 };
}

/** A property value as display strings: lists item by item, dates as YYYY-MM-DD, objects as JSON. */
function propertyValues(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.flatMap(propertyValues);
  if (v instanceof Date) return [v.toISOString().slice(0, 10)];
  if (typeof v === 'object') return [JSON.stringify(v)];
  return [String(v)];
}
