/**
 * Markdown → sanitised hast for the Reading view. Pipeline: remark-parse + remark-gfm, {@link remarkWikiLinks},
 * remark-rehype (raw HTML is dropped: `allowDangerousHtml` stays off), then rehype-sanitize with GitHub's
 * `defaultSchema`, extended only for the class names and `data-wikilink` attribute this module emits. Nothing here
 * produces an HTML string; the view turns the tree into React elements (hast-util-to-jsx-runtime).
 */
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Root as HastRoot } from 'hast';
import type { Link, Parent, PhrasingContent, Root as MdastRoot, Text } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { parseWikiTarget } from '../paths.ts';

/** Obsidian wiki link or embed: `[[target#heading|alias]]`, `![[file]]`. Same pattern as the editor's marks. */
const WIKI_LINK = /(!?)\[\[([^\]\n]+)\]\]/g;

/** Class names the renderer puts on wiki links (allowed through the sanitiser). */
export const WIKILINK_CLASS = 'wikilink';
export const EMBED_CLASS = 'embed';
/** Prefix rehype-sanitize puts on `id`s (defaultSchema.clobberPrefix); in-page `#x` links point at `user-content-x`. */
export const ID_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/**
 * Turns `[[...]]` in text nodes into link nodes carrying `data-wikilink="<inner text>"` (href `#`). Code and inline
 * code are separate node types, so links written there stay text; text already inside a link is left alone.
 * Display text: the alias, else the target with its heading (`note > heading`), as Obsidian shows it.
 */
export const remarkWikiLinks: Plugin<[], MdastRoot> = () => (tree) => {
  const walk = (node: Parent) => {
    if (node.type === 'link' || node.type === 'linkReference') return;
    const out: typeof node.children = [];
    let changed = false;
    for (const child of node.children) {
      if (child.type === 'text' && child.value.includes('[[')) {
        const parts = splitText(child);
        if (parts.length !== 1 || parts[0] !== child) changed = true;
        out.push(...parts);
      } else {
        if ('children' in child) walk(child as Parent);
        out.push(child);
      }
    }
    if (changed) node.children = out as typeof node.children;
  };
  walk(tree);
};

function splitText(node: Text): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(WIKI_LINK)) {
    const [whole, bang, inner] = m;
    if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
    parts.push(wikiLinkNode(inner, bang === '!'));
    last = m.index + whole.length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function wikiLinkNode(inner: string, embed: boolean): Link {
  const { target, heading } = parseWikiTarget(inner);
  const bar = inner.indexOf('|');
  const alias = bar < 0 ? '' : inner.slice(bar + 1).trim();
  const label = alias || (heading ? (target ? `${target} > ${heading}` : heading) : target) || inner;
  return {
    type: 'link',
    url: '#',
    children: [{ type: 'text', value: label }],
    data: {
      hProperties: {
        className: embed ? [WIKILINK_CLASS, EMBED_CLASS] : [WIKILINK_CLASS],
        dataWikilink: inner,
      },
    },
  };
}

/** defaultSchema plus exactly what {@link remarkWikiLinks} emits. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // The first `className` rule for an element wins in hast-util-sanitize, so the footnote one is merged into ours.
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
      ['className', 'data-footnote-backref', WIKILINK_CLASS, EMBED_CLASS],
      'dataWikilink',
    ],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkWikiLinks)
  // The sanitiser prefixes ids (`user-content-`); without this, footnote ids would get the prefix twice.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, sanitizeSchema);

/** Leading YAML frontmatter (Obsidian properties): `---` line, YAML, `---` line. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface RenderedNote {
  /** Sanitised hast of the body (frontmatter removed). */
  tree: HastRoot;
  /** Properties from the frontmatter as display strings; `null` when there is none or it is not a YAML mapping. */
  properties: Array<[string, string]> | null;
  /** Inner texts of the wiki links and embeds in the body, unique, in order. */
  wikiLinks: string[];
}

/** Renders a note's markdown. Never throws on bad YAML: the properties are then left out. */
export function renderMarkdown(text: string): RenderedNote {
  let body = text;
  let properties: RenderedNote['properties'] = null;
  const fm = FRONTMATTER.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    try {
      const data: unknown = parseYaml(fm[1]);
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        properties = Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, displayValue(v)]);
      }
    } catch {
      properties = null;
    }
  }
  const tree = processor.runSync(processor.parse(body)) as HastRoot;
  const wikiLinks = new Set<string>();
  const collect = (n: HastRoot | HastRoot['children'][number]) => {
    if (n.type === 'element' && typeof n.properties.dataWikilink === 'string') wikiLinks.add(n.properties.dataWikilink);
    if ('children' in n) n.children.forEach(collect);
  };
  collect(tree);
  return { tree, properties, wikiLinks: [...wikiLinks] };
}

function displayValue(v: unknown): string {
  if (v == null) return '';
  if (Array.isArray(v)) return v.map(displayValue).join(', ');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
