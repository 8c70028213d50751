/**
 * The tree transforms that turn the micromark/mdast parse into Obsidian's mdast (see nodes.ts): wiki link/embed
 * data, inline `tag` nodes, block ids, callouts, highlights, inline footnotes (as GFM footnotes). One walk, linear in the tree; every rule it applies is
 * the same function the index's walker calls (splitWiki via wikiData, scanTags, blockIdOf).
 */
import { blockIdOf } from './blocks.ts';
import { inlineFootnotesToGfm } from './inline-footnotes.ts';
import type { MdNode } from './nodes.ts';
import { scanTags, type TagSpan } from './tags.ts';
import { wikiData } from './wiki-target.ts';

/** Class names put on the hast of wiki links, embeds, tags and callouts. */
export const WIKILINK_CLASS = 'wikilink';
export const EMBED_CLASS = 'embed';
export const TAG_CLASS = 'tag';
export const CALLOUT_CLASS = 'callout';
export const CALLOUT_TITLE_CLASS = 'callout-title';

/** `[!type]` with an optional fold marker, at the start of a callout's first line. Group 1: type, group 2: fold. */
const CALLOUT_HEAD = /^\[!([^\]\s]+)\]([+-]?)[ \t]*/;
const TRAILING_BLOCK_ID = /[ \t]*\^[A-Za-z0-9-]+[ \t]*$/;

function setH(node: MdNode, hName: string, hProperties: Record<string, unknown>, hChildren?: unknown[]): void {
  node.data ??= {};
  const data = node.data;
  data.hName = hName;
  data.hProperties = { ...(data.hProperties as Record<string, unknown> | undefined), ...hProperties };
  if (hChildren) data.hChildren = hChildren;
}

function wiki(node: MdNode, src: string, embed: boolean): MdNode {
  const p = node.position;
  const inner = embed ? (node.value ?? '') : p ? src.slice(p.start.offset! + 2, p.end.offset! - 2) : (node.value ?? '');
  const d = wikiData(inner, embed);
  if (!d) return { type: 'text', value: embed ? `![[${inner}]]` : `[[${inner}]]`, position: p };
  node.data ??= {};
  const data = node.data;
  Object.assign(data, { wiki: d });
  data.hName = 'a';
  data.hProperties = {
    className: embed ? [WIKILINK_CLASS, EMBED_CLASS] : [WIKILINK_CLASS],
    href: '#',
    dataWikilink: inner,
  };
  data.hChildren = [{ type: 'text', value: d.label }];
  return node;
}

function tagNode(tag: string): MdNode {
  const node: MdNode = { type: 'tag', value: tag };
  setH(node, 'a', { className: [TAG_CLASS], href: '#', dataTag: tag }, [{ type: 'text', value: `#${tag}` }]);
  return node;
}

/** Splits a text node at its inline tags; returns null when it holds none. */
function splitTags(node: MdNode, src: string): MdNode[] | null {
  const p = node.position;
  const value = node.value ?? '';
  if (!p || value.indexOf('#') === -1) return null;
  const s = p.start.offset!;
  const e = p.end.offset!;
  const spans: TagSpan[] = scanTags(src, s, e);
  if (spans.length === 0) return null;
  const exact = src.slice(s, e) === value;
  const out: MdNode[] = [];
  let last = 0;
  for (const t of spans) {
    const written = src.slice(t.start, t.end);
    // offsets in the value: the same as in src unless escapes/entities made them differ
    const at = exact ? t.start - s : value.indexOf(written, last);
    if (at < last) continue;
    if (at > last) out.push({ type: 'text', value: value.slice(last, at) });
    out.push(tagNode(t.tag));
    last = at + written.length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

function plain(nodes: MdNode[]): string {
  let s = '';
  for (const n of nodes)
    s += n.type === 'text' || n.type === 'inlineCode' ? (n.value ?? '') : n.children ? plain(n.children) : '';
  return s;
}

/**
 * The `[!type]±` head of a block quote that is an Obsidian callout (`> [!type]± Title` on its first line), or null:
 * the one callout rule, read by {@link obsidianTransform} and by Live Preview (preview.ts) on the raw tree.
 */
export function calloutHead(node: MdNode): RegExpExecArray | null {
  if (node.type !== 'blockquote') return null;
  const para = node.children?.[0];
  if (!para || para.type !== 'paragraph' || !para.children?.length) return null;
  const first = para.children[0];
  if (first.type !== 'text' || !first.value || first.value.charCodeAt(0) !== 91) return null;
  return CALLOUT_HEAD.exec(first.value);
}

/** `> [!type]± Title` → a callout node (in place); false when the block quote is no callout. */
function callout(node: MdNode): boolean {
  const m = calloutHead(node);
  if (!m) return false;
  const para = node.children![0] as MdNode & { children: MdNode[] };
  const first = para.children[0];
  if (!first.value) return false;
  const rest = first.value.slice(m[0].length);
  const title: MdNode[] = [];
  let body: MdNode[] = [];
  const nl = rest.indexOf('\n');
  if (nl !== -1) {
    if (rest.slice(0, nl).trim()) title.push({ type: 'text', value: rest.slice(0, nl).trimEnd() });
    const after = rest.slice(nl + 1);
    body = [...(after ? [{ type: 'text', value: after }] : []), ...para.children.slice(1)];
  } else {
    if (rest) title.push({ type: 'text', value: rest });
    const kids = para.children;
    for (let i = 1; i < kids.length; i++) {
      const c = kids[i];
      if (c.type === 'break') {
        body = kids.slice(i + 1);
        break;
      }
      const v = c.type === 'text' ? (c.value ?? '') : '';
      const k = v.indexOf('\n');
      if (k === -1) {
        title.push(c);
        continue;
      }
      if (v.slice(0, k)) title.push({ type: 'text', value: v.slice(0, k) });
      body = [...(v.slice(k + 1) ? [{ type: 'text', value: v.slice(k + 1) }] : []), ...kids.slice(i + 1)];
      break;
    }
  }
  const type = m[1].toLowerCase();
  const fold = m[2] === '-' ? 'closed' : m[2] === '+' ? 'open' : null;
  const titleText = plain(title).trim();
  const titleNode: MdNode = {
    type: 'calloutTitle',
    children: title.length ? title : [{ type: 'text', value: type.charAt(0).toUpperCase() + type.slice(1) }],
  };
  setH(titleNode, 'div', { className: [CALLOUT_TITLE_CLASS] });
  const blocks = node.children!.slice(1);
  if (body.length) blocks.unshift({ type: 'paragraph', children: body, position: para.position });
  node.type = 'callout';
  node.calloutType = type;
  node.title = titleText;
  node.fold = fold;
  node.children = [titleNode, ...blocks];
  setH(node, 'div', { className: [CALLOUT_CLASS], dataCallout: type, ...(fold ? { dataCalloutFold: fold } : {}) });
  return true;
}

function giveBlockId(node: MdNode, id: string): void {
  node.data ??= {};
  const data = node.data;
  data.blockId = id;
  data.hProperties = { ...(data.hProperties as Record<string, unknown> | undefined), dataBlockId: id };
}

/** Applies the block id of a paragraph (if any); returns false when the paragraph was only `^id` and is to go. */
function paragraphBlockId(node: MdNode, parent: MdNode | null, index: number, src: string): boolean {
  const hit = blockIdOf(node, src);
  if (!hit) return true;
  const kids = node.children!;
  const last = kids[kids.length - 1];
  last.value = (last.value ?? '').replace(TRAILING_BLOCK_ID, '');
  if (last.value === '') kids.pop();
  if (kids.length === 0 && parent && index > 0) {
    // `^id` alone after a table, list, quote…: the id names that block
    giveBlockId(parent.children![index - 1], hit.id);
    return false;
  }
  if (parent && parent.type === 'listItem' && index === 0) giveBlockId(parent, hit.id);
  else giveBlockId(node, hit.id);
  return true;
}

/** The `^[…]` inline footnotes met by the current {@link obsidianTransform}, in document order. */
let inlineNotes: MdNode[] = [];

function walk(node: MdNode, src: string): void {
  const kids = node.children;
  if (!kids) return;
  const out: MdNode[] = [];
  let changed = false;
  for (let i = 0; i < kids.length; i++) {
    let c = kids[i];
    switch (c.type) {
      case 'text': {
        const split = splitTags(c, src);
        if (split) {
          out.push(...split);
          changed = true;
          continue;
        }
        break;
      }
      case 'wikiLink':
        c = wiki(c, src, false);
        break;
      case 'wikiEmbed':
        c = wiki(c, src, true);
        break;
      case 'highlight':
        setH(c, 'mark', {});
        walk(c, src);
        break;
      case 'inlineFootnote':
        walk(c, src);
        inlineNotes.push(c);
        break;
      case 'link':
      case 'linkReference':
      case 'code':
      case 'inlineCode':
      case 'html':
        break;
      case 'blockquote':
        callout(c);
        walk(c, src);
        break;
      case 'paragraph': {
        // the block id first: it reads the last text node's position, before tags split it
        if (!paragraphBlockId(c, node, out.length, src)) {
          changed = true;
          continue;
        }
        const display = displayMath(c, src);
        if (display) {
          out.push(display);
          changed = true;
          continue;
        }
        walk(c, src);
        break;
      }
      default:
        walk(c, src);
    }
    if (c !== kids[i]) changed = true;
    out.push(c);
  }
  if (changed) node.children = out;
}

/**
 * A paragraph that is only `$$…$$` on one line, as display math (a `math` node), as Obsidian draws it; remark-math
 * reads a one-line `$$x$$` as inline math. Null for any other paragraph.
 */
function displayMath(p: MdNode, src: string): MdNode | null {
  const kids = (p.children ?? []).filter((k) => !(k.type === 'text' && !(k.value ?? '').trim()));
  const m = kids.length === 1 && kids[0].type === 'inlineMath' ? kids[0] : null;
  const at = m?.position;
  if (!m || !at || !src.startsWith('$$', at.start.offset)) return null;
  const value = m.value ?? '';
  return {
    type: 'math',
    value,
    position: p.position,
    data: {
      hName: 'pre',
      hChildren: [
        {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-math', 'math-display'] },
          children: [{ type: 'text', value }],
        },
      ],
    },
  } as MdNode;
}

/**
 * Turns a tree parsed from `src` (wiki links, embeds, highlights already parsed by the micromark extensions) into
 * Obsidian's mdast, in place: see nodes.ts.
 */
export function obsidianTransform(tree: MdNode, src: string): MdNode {
  const outer = inlineNotes;
  inlineNotes = [];
  try {
    walk(tree, src);
    inlineFootnotesToGfm(tree, inlineNotes);
  } finally {
    inlineNotes = outer;
  }
  return tree;
}
