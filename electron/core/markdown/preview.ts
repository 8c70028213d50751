/**
 * The grammar for an editor's Live Preview (Obsidian's default editing mode): besides the links and tags of
 * spans.ts, where the formatting marks of the visible text are — the `**`, `*`, `==`, `~~` and backticks around
 * inline text, the `#` marks of ATX headings, the `[` `](url)` around a markdown link's text, and `- [ ]` task
 * markers (any character between the brackets, as Obsidian's custom statuses `- [/]`: tasks.ts) — so an editor can hide them off the cursor line; and where the blocks an editor draws rendered off the
 * cursor are ({@link PreviewBlock}: callouts, GFM tables, math, fenced code, frontmatter), as Obsidian's Live Preview
 * draws them. One parse with
 * findSpans (same rules: nothing inside code, comments or math), with GFM when the part read may hold a task, a
 * strikethrough, a table or a footnote.
 */
import { closes, opening } from './fences.ts';
import { findFrontmatter, parseFrontmatter } from './frontmatter.ts';
import type { MdNode } from './nodes.ts';
import { parseSpans, SPAN_WINDOW, windowAround, type Span } from './spans.ts';
import { calloutHead } from './transforms.ts';

/** One formatted construct; offsets into the whole text (0-based, UTF-16; `to` exclusive). */
export interface FormatMark {
  /** `strong` `**b**`, `emphasis` `*i*`, `strike` `~~s~~`, `highlight` `==h==`, `code` `` `c` ``, `heading` `## h`, `link` `[t](u)`, `task` `- [ ]`. */
  kind: 'strong' | 'emphasis' | 'strike' | 'highlight' | 'code' | 'heading' | 'link' | 'task';
  from: number;
  to: number;
  /**
   * The marker ranges `[from, to)` a preview hides (the construct minus its content): the opening and closing
   * delimiters; for a heading `## ` (and a closing `##`); for a link `[` and `](url)`; for a task the whole
   * `- [ ] ` before the item's text.
   */
  hide: Array<[number, number]>;
  /** `heading`: 1–6. */
  depth?: number;
  /**
   * `task`: checked? True for any character but a space between the brackets (`[x]`, and custom statuses such as
   * `[/]` or `[-]`, which Obsidian shows checked). With `box`: the offset of that character, and `status`: the
   * character itself (`' '`, `'x'`, `'/'` …: Obsidian's `data-task`).
   */
  checked?: boolean;
  box?: number;
  status?: string;
}

/**
 * A construct Obsidian's Live Preview shows rendered while the cursor is outside it: `callout` a block quote whose
 * first line is `> [!type]± Title` (the whole quote), `table` a GFM table (header, delimiter row and body rows),
 * `math` `$$…$$` (`inline: false`, a display block) or `$…$` (`inline: true`, within a line), `code` a closed fenced
 * code block (the mdast `code` node: its opening fence line to its closing fence; ```` ```mermaid ```` too; not an
 * indented one), `frontmatter` the YAML block at the top (the `yaml` node's range: `---` to the closing fence; only
 * when its YAML reads as a map of properties, so a malformed one stays source). Offsets into the whole text (0-based,
 * UTF-16; `to` exclusive); a construct inside another one (a table in a callout, math in a table, code in a callout)
 * is not listed apart: the outer one renders it.
 */
export interface PreviewBlock {
  kind: 'callout' | 'table' | 'math' | 'code' | 'frontmatter';
  from: number;
  to: number;
  inline: boolean;
}

/**
 * What a Live Preview needs for a range of a note: its links and tags, its formatting marks and its rendered blocks,
 * each in order.
 */
export interface Preview {
  spans: Span[];
  marks: FormatMark[];
  blocks: PreviewBlock[];
}

const WRAPPED: Record<string, FormatMark['kind']> = {
  strong: 'strong',
  emphasis: 'emphasis',
  delete: 'strike',
  highlight: 'highlight',
  link: 'link',
  heading: 'heading',
};

/** The construct's content range: its first child's start to its last child's end (null without children). */
function inner(node: MdNode): [number, number] | null {
  const kids = node.children;
  if (!kids || kids.length === 0) return null;
  const a = kids[0].position?.start.offset;
  const b = kids[kids.length - 1].position?.end.offset;
  return a == null || b == null ? null : [a, b];
}

/**
 * Is the `code` node at `[s, e)` of `src` a fenced block that is closed in the part read? An unclosed fence (its
 * closing fence outside the window, or never written) would draw the text after it as code; an indented block has
 * no fences to hide; a fence behind `>` or deeper than 3 spaces cannot be drawn from its lines alone.
 */
function closedFence(src: string, s: number, e: number): boolean {
  // its fence at most 3 spaces in (a fence deeper in a list item would render from its lines as an indented block)
  if (!/^ {0,3}$/.test(src.slice(src.lastIndexOf('\n', s - 1) + 1, s))) return false;
  const first = /^(`{3,}|~{3,})(.*)/.exec(src.slice(s, src.indexOf('\n', s) >>> 0));
  const open = first && opening(first[1], first[2]);
  const nl = src.lastIndexOf('\n', e - 1);
  if (!open || nl < s) return false;
  const last = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(src.slice(nl + 1, e));
  return last !== null && closes(open, last[1], last[2]);
}

/** A task's box after its list marker (`- [/]`, `1. [x]`): may say yes when it is none, never no to a task. */
const TASK_BOX = /[-*+.)][ \t]+\[[^\n]\]/;

/** The last frontmatter YAML read by {@link propertiesBlock} and whether it is a map (a one-entry cache). */
let lastYaml: { yaml: string; ok: boolean } | null = null;

/**
 * The frontmatter of `text` (which starts at a note's start) as a `frontmatter` block, or null: none, empty, longer
 * than {@link SPAN_WINDOW} characters (bounded cost), or YAML that does not read as a map of properties (the
 * index's reading, parseFrontmatter: a problem means it stays source).
 */
function propertiesBlock(text: string): PreviewBlock | null {
  const fm = text.startsWith('---') ? findFrontmatter(text) : null;
  if (!fm || fm.yaml.trim() === '' || fm.yaml.length > SPAN_WINDOW) return null;
  if (lastYaml?.yaml !== fm.yaml) lastYaml = { yaml: fm.yaml, ok: parseFrontmatter(fm).problems.length === 0 };
  if (!lastYaml.ok) return null;
  const to = text.charCodeAt(fm.bodyStart - 1) === 10 ? fm.bodyStart - 1 : fm.bodyStart;
  return { kind: 'frontmatter', from: 0, to, inline: false };
}

/**
 * The links, tags, formatting marks and rendered blocks that overlap `[from, to]` of `text` (a whole note), offsets
 * into `text`.
 * Parses the blocks around the range only (spans.ts windowAround: at most 20,000 characters beyond either side), so
 * the cost follows the range (an editor's viewport), not the note.
 */
export function previewIn(text: string, from: number, to: number): Preview {
  const { start, end } = windowAround(text, from, to);
  const raw: Array<{ kind: FormatMark['kind']; hide: Array<[number, number]>; node: MdNode; box?: number }> = [];
  const rawBlocks: Array<{ kind: PreviewBlock['kind']; s: number; e: number; inline: boolean }> = [];
  // the end of the last block listed: the tree is visited in pre-order, so an outer block comes before its insides
  let blockEnd = -1;
  const visit = (node: MdNode, src: string) => {
    const p = node.position;
    if (!p) return;
    const s = p.start.offset!;
    const e = p.end.offset!;
    const block =
      node.type === 'table'
        ? 'table'
        : node.type === 'math' || node.type === 'inlineMath'
          ? 'math'
          : node.type === 'code'
            ? 'code'
            : calloutHead(node)
              ? 'callout'
              : null;
    // a `$$` block or a code fence must be closed in the part read: an unclosed one (its fence outside the window,
    // or never written) would draw the text after it as math or code
    const closed =
      node.type === 'math'
        ? /\$\$\s*$/.test(src.slice(s + 2, e))
        : node.type === 'code'
          ? closedFence(src, s, e)
          : true;
    if (block && closed && s >= blockEnd && e > s) {
      // `$$x$$` alone on its line is display math, as in Obsidian (and in the reading view: transforms.ts)
      const alone =
        node.type === 'inlineMath' &&
        src.startsWith('$$', s) &&
        src.slice(src.lastIndexOf('\n', s - 1) + 1, s).trim() === '' &&
        src.slice(e, src.indexOf('\n', e) < 0 ? src.length : src.indexOf('\n', e)).trim() === '';
      rawBlocks.push({ kind: block, s, e, inline: node.type === 'inlineMath' && !alone });
      blockEnd = e;
    }
    const kind = WRAPPED[node.type];
    if (kind) {
      const range = inner(node);
      if (!range) return;
      if (kind === 'heading' && src.charCodeAt(s) !== 35) return; // setext: no marks to hide
      const hide: Array<[number, number]> = [];
      if (range[0] > s) hide.push([s, range[0]]);
      if (e > range[1]) hide.push([range[1], e]);
      raw.push({ kind, hide, node });
    } else if (node.type === 'inlineCode') {
      let n = 0;
      while (src.charCodeAt(s + n) === 96) n++;
      if (n > 0 && e - s > 2 * n)
        raw.push({
          kind: 'code',
          hide: [
            [s, s + n],
            [e - n, e],
          ],
          node,
        });
    } else if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const range = inner(node);
      const box = src.indexOf('[', s);
      if (!range || box === -1 || box >= range[0]) return;
      raw.push({ kind: 'task', hide: [[s, range[0]]], node, box: box + 1 });
    }
  };
  const part = text.slice(start, end);
  // GFM (twice micromark's cost) only where it can matter: tasks (a list marker, space, then `[c]` with any
  // character c), `~` strikethrough (tables, footnotes: parseSpans asks needsGfm).
  const gfm = part.indexOf('~') !== -1 || TASK_BOX.test(part);
  const { spans, back } = parseSpans(part, { frontmatter: start === 0, gfm }, visit);
  const at = (o: number) => back(o) + start;
  const atEnd = (o: number) => back(o - 1) + 1 + start;
  const marks: FormatMark[] = [];
  for (const m of raw) {
    const p = m.node.position!;
    const mark: FormatMark = {
      kind: m.kind,
      from: at(p.start.offset!),
      to: atEnd(p.end.offset!),
      hide: m.hide.map(([a, b]) => [at(a), atEnd(b)]),
    };
    if (m.kind === 'heading') mark.depth = m.node.depth;
    if (m.kind === 'task') {
      mark.checked = m.node.checked === true;
      mark.box = at(m.box!);
      mark.status = typeof m.node.data?.task === 'string' ? m.node.data.task : mark.checked ? 'x' : ' ';
    }
    if (mark.to < from || mark.from > to) continue;
    marks.push(mark);
  }
  marks.sort((a, b) => a.from - b.from);
  const blocks: PreviewBlock[] = [];
  const props = start === 0 ? propertiesBlock(part) : null;
  if (props && props.from <= to && props.to >= from) blocks.push(props);
  for (const b of rawBlocks) {
    const block: PreviewBlock = { kind: b.kind, from: at(b.s), to: atEnd(b.e), inline: b.inline };
    if (block.to < from || block.from > to) continue;
    blocks.push(block);
  }
  const inRange: Span[] = [];
  for (const s of spans) {
    const f = s.from + start;
    const t = s.to + start;
    if (t < from || f > to) continue;
    inRange.push({ ...s, from: f, to: t });
  }
  return { spans: inRange, marks, blocks };
}
