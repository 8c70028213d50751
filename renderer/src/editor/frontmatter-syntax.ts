/**
 * YAML frontmatter in the editor's markdown syntax tree (for highlighting only): a `Frontmatter` block at the start of
 * the note, with its `FrontmatterMark` fences and `FrontmatterContent` parsed as YAML (@codemirror/lang-yaml's
 * parser, mounted on that range only). Where the frontmatter ends is the grammar's answer (`findFrontmatter`,
 * electron/core/markdown/frontmatter.ts); without this block `key: v` + `---` would parse as a setext heading.
 *
 * Why not @codemirror/lang-yaml's `yamlFrontmatter` wrapper: it makes the whole note one LR-parsed `Body` with
 * markdown mixed into it, and that mixed parse loses most of its incremental reuse on a long note: typing at the end
 * of a 1 MB note re-parsed it (200–800 ms in Node) every few keys. Here markdown stays the top parser, so an edit
 * re-parses only the blocks around it.
 */
import { yamlLanguage } from '@codemirror/lang-yaml';
import { type Input, parseMixed } from '@lezer/common';
import { tags } from '@lezer/highlight';
import type { MarkdownConfig } from '@lezer/markdown';
import { findFrontmatter } from '../../../electron/core/markdown/index.ts';

/** Longest frontmatter recognised, characters (a longer one is body text here; the index still reads it). */
export const MAX_FRONTMATTER = 100_000;

export const frontmatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'Frontmatter', block: true },
    { name: 'FrontmatterMark', style: tags.meta },
    { name: 'FrontmatterContent' },
  ],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || line.text.slice(0, 3) !== '---') return false;
        // The parser's input (a field of BlockContext that @lezer/markdown does not declare): where the block ends
        // must be known before any line is consumed (a block parser that returns false may not have moved on).
        const input = (cx as unknown as { input?: Input }).input;
        if (!input) return false;
        const head = input.read(0, Math.min(input.length, MAX_FRONTMATTER));
        const fm = findFrontmatter(head);
        if (!fm) return false;
        const children = [cx.elt('FrontmatterMark', 0, line.text.length)];
        const contentFrom = line.text.length + 1;
        let contentTo = contentFrom;
        // the lines of the YAML, then the closing fence (its line starts before `bodyStart`)
        while (cx.nextLine()) {
          const end = cx.lineStart + line.text.length;
          if (end + 1 >= fm.bodyStart) {
            if (contentTo > contentFrom) children.push(cx.elt('FrontmatterContent', contentFrom, contentTo));
            children.push(cx.elt('FrontmatterMark', cx.lineStart, end));
            cx.addElement(cx.elt('Frontmatter', 0, end, children));
            cx.nextLine();
            return true;
          }
          contentTo = end;
        }
        return false;
      },
    },
  ],
  wrap: parseMixed((node) => (node.name === 'FrontmatterContent' ? { parser: yamlLanguage.parser } : null)),
};
