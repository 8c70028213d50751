/**
 * The mdast of Obsidian-flavoured markdown, as this grammar produces it. Standard mdast (CommonMark + GFM) plus:
 *
 * | node | from | shape |
 * |---|---|---|
 * | `wikiLink` | `[[target#heading|alias]]` (remark-wiki-link) | literal; `value` = the target part as written (`a\` for table-escaped `[[a\|b]]`); `data` = {@link WikiData} |
 * | `wikiEmbed` | `![[target#heading|alias]]` | literal; `value` = the inner text as written; `data` = {@link WikiData} (+ `size` for `![[a.png|100x50]]`) |
 * | `tag` | `#tag`, `#a/b`, `#标签` after whitespace | literal; `value` = the tag without `#` (e.g. `a/b`) |
 * | `highlight` | `==text==` (micromark-extension-highlight-mark) | parent of phrasing content; hast `<mark>` |
 * | `inlineFootnote` | `^[note]` (inline-footnotes.ts) | parent of phrasing content (raw tree only: parseObsidian turns it into a `footnoteReference` `inline-N` and a `footnoteDefinition` at the end) |
 * | `listItem` task | `- [c] text`, any one character c (tasks.ts) | `checked`: false for `[ ]`, true otherwise; `data.task` = c; hast `li.task-list-item[.is-checked][data-task=c]` |
 * | `callout` | `> [!type]± Title` first line of a block quote | {@link Callout}: `calloutType`, `title`, `fold`, children = [`calloutTitle`, …body blocks] |
 * | `calloutTitle` | the rest of that first line | parent of phrasing content (type name capitalised when no title is written) |
 * | `yaml` | frontmatter (parseObsidian only) | literal; `value` = the YAML between the fences; ignored by remark-rehype |
 *
 * Block ids: a paragraph ending in ` ^id` (or `![[embed]]^id`, as Obsidian's help vault writes it) gets
 * `data.blockId = 'id'` and the `^id` text is removed from its children (Obsidian hides it); when the paragraph is
 * the first child of a list item, the list item carries the id as well. A paragraph that is only `^id`, right after a
 * block (table, quote, list, code), gives that block `data.blockId` and is removed.
 *
 * `%% … %%` and `<!-- … -->` comments never reach the tree (they are cut before the parse; see comments.ts).
 *
 * Every node carries `data.hName`/`data.hProperties`, so plain remark-rehype already renders it:
 * wikiLink → `<a class="wikilink" data-wikilink="inner" href="#">label</a>`, wikiEmbed → the same with class
 * `embed`, tag → `<a class="tag" data-tag="a/b" href="#">#a/b</a>`, callout → `<div class="callout"
 * data-callout="type" data-callout-fold="open|closed">`, calloutTitle → `<div class="callout-title">`, highlight →
 * `<mark>`, a block with an id → `data-block-id="id"` on it.
 */

/** Position of an mdast node (1-based line and column; 0-based offset into the parsed text). */
export interface MdPosition {
  start: { line: number; column: number; offset?: number };
  end: { line: number; column: number; offset?: number };
}

/** The structural subset of an mdast node the grammar reads and writes (plus the nodes above). */
export interface MdNode {
  type: string;
  position?: MdPosition;
  children?: MdNode[];
  value?: string | null;
  url?: string;
  alt?: string | null;
  depth?: number;
  identifier?: string;
  data?: Record<string, unknown> & { alias?: string | null };
  [key: string]: unknown;
}

/** What a wiki link or embed names: see splitWiki for the rules (last heading of `A#B`, `^block`, `\|`). */
export interface WikiData {
  /** The inner text as written, without `[[`/`![[` and `]]`, e.g. `GMP model#P|the P`. */
  inner: string;
  /** Target note or file, NFC; '' for a link into the same note (`[[#Heading]]`). */
  target: string;
  /** The heading linked to: the LAST of `A#B#C` (Obsidian), or null. */
  heading: string | null;
  /** Every heading level written, outermost first (`[[a#B#C]]` → ['B', 'C']). */
  headingPath: string[];
  /** Block id of `[[a#^id]]`, or null. */
  block: string | null;
  /** Display text after `|`, or null. For image embeds `100` / `100x50` is a size instead (see `size`). */
  alias: string | null;
  /** What Obsidian shows for the link: the alias, else `target > heading`, `target > ^block`, or the target. */
  label: string;
  /** `![[x.png|100]]` → {width: 100}, `|100x50` → {width: 100, height: 50} (CSS pixels); null when not a size. */
  size: { width: number; height?: number } | null;
}

/** `> [!type]± Title` (Obsidian callouts). */
export interface Callout extends MdNode {
  type: 'callout';
  /** The type as written, lower-cased (`info`, `warning`, `my-type`). */
  calloutType: string;
  /** The title text as written on the first line ('' when none: Obsidian then shows the type). */
  title: string;
  /** `-` → 'closed' (foldable, folded), `+` → 'open' (foldable, unfolded), none → null (not foldable). */
  fold: 'open' | 'closed' | null;
  children: MdNode[];
}
