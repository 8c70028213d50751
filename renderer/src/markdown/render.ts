/**
 * Markdown → sanitised hast for the Reading view. Pipeline: remark-parse + the grammar's preset `remarkObsidian`
 * (GFM, wiki links, embeds, tags, block ids, callouts, highlights, frontmatter and `%% %%` comments: see
 * electron/core/markdown/nodes.ts), remark-rehype (raw HTML is dropped: `allowDangerousHtml` stays off), then
 * rehype-sanitize with GitHub's `defaultSchema`, extended only for the class names and data attributes the grammar
 * emits. Nothing here produces an HTML string; the view turns the tree into React elements (hast-util-to-jsx-runtime).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Root as HastRoot } from 'hast';
import { parse as parseYaml } from 'yaml';
import {
  CALLOUT_CLASS, CALLOUT_TITLE_CLASS, EMBED_CLASS, frontmatterOf, remarkObsidian, TAG_CLASS, WIKILINK_CLASS,
} from '../../../electron/core/markdown/index.ts';

export { EMBED_CLASS, WIKILINK_CLASS } from '../../../electron/core/markdown/index.ts';
/** Prefix rehype-sanitize puts on `id`s (defaultSchema.clobberPrefix); in-page `#x` links point at `user-content-x`. */
export const ID_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/** defaultSchema plus exactly what the grammar's preset emits (nodes.ts). */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    // The first `className` rule for an element wins in hast-util-sanitize, so the footnote one is merged into ours.
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
      ['className', 'data-footnote-backref', WIKILINK_CLASS, EMBED_CLASS, TAG_CLASS],
      'dataWikilink',
      'dataTag',
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', CALLOUT_CLASS, CALLOUT_TITLE_CLASS], 'dataCallout', 'dataCalloutFold'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataBlockId'],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkObsidian)
  // The sanitiser prefixes ids (`user-content-`); without this, footnote ids would get the prefix twice.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, sanitizeSchema);

export interface RenderedNote {
  /** Sanitised hast of the body (frontmatter and comments removed). */
  tree: HastRoot;
  /** Properties from the frontmatter as display strings; `null` when there is none or it is not a YAML mapping. */
  properties: Array<[string, string]> | null;
  /** Inner texts of the wiki links and embeds in the body, unique, in order. */
  wikiLinks: string[];
}

/** Renders a note's markdown. Never throws on bad YAML: the properties are then left out. */
export function renderMarkdown(text: string): RenderedNote {
  let properties: RenderedNote['properties'] = null;
  const fm = frontmatterOf(text);
  if (fm) {
    try {
      const data: unknown = parseYaml(fm.yaml);
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        properties = Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, displayValue(v)]);
      }
    } catch {
      properties = null;
    }
  }
  const tree = processor.runSync(processor.parse(text)) as HastRoot;
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
