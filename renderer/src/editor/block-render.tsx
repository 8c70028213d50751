/**
 * What Live Preview draws for a callout, table, math or fenced code block off the cursor (live-preview.ts's block
 * widgets): the block's markdown rendered by the reading view's own path (MarkdownBody: render.ts's grammar,
 * sanitiser, KaTeX and code highlighting, Mermaid.tsx for ```` ```mermaid ````, in the markdown worker for a long
 * text), inside a `.reading-body` so it looks as in the Reading view — as Obsidian's Live Preview shows these blocks
 * rendered until the cursor enters them. The frontmatter is drawn as the Reading view draws it, a Properties table
 * (Properties.tsx), under a "Properties" label.
 */
import 'katex/dist/katex.min.css';
import '../markdown/reading.css';
import { createRoot } from 'react-dom/client';
import type { OpenOptions } from '../commands/context.ts';
import type { PreviewBlock } from '../../../electron/core/markdown/index.ts';
import { chainKey, MarkdownBody, RenderContext, type RenderContextValue } from '../markdown/Markdown.tsx';
import { PropertiesTable } from '../markdown/Properties.tsx';
import { noteProperties } from '../markdown/render.ts';

/**
 * A frontmatter block (`---` … `---`, as written) as Properties; YAML the reading view cannot read as a map (the
 * grammar lists only readable ones, but the two readers may differ on an edge case) shows as its text.
 */
function FrontmatterBlock({ markdown }: { markdown: string }) {
  const properties = noteProperties(markdown);
  if (!properties) return <pre className="cm-lp-properties-source">{markdown}</pre>;
  return (
    <div className="markdown-rendered cm-lp-properties">
      <div className="cm-lp-properties-label">Properties</div>
      <PropertiesTable properties={properties} />
    </div>
  );
}

/**
 * A renderer of block markdown for the note at `path`: `render(markdown, into, kind)` mounts the rendering of a
 * block of that kind into `into` and returns what unmounts it. Links inside follow through `followLink` (as in the
 * Reading view); task checkboxes are read-only (a click on the block opens its source instead).
 */
export function blockRenderer(
  path: string,
  followLink: (fromPath: string, target: string, opts?: OpenOptions) => void,
): (markdown: string, into: HTMLElement, kind: PreviewBlock['kind']) => () => void {
  const ctx: RenderContextValue = {
    path,
    depth: 0,
    chain: [chainKey(path, null, null)],
    followLink,
    previews: false,
    Body: MarkdownBody,
  };
  return (markdown, into, kind) => {
    const root = createRoot(into);
    root.render(
      <RenderContext.Provider value={ctx}>
        {kind === 'frontmatter' ? <FrontmatterBlock markdown={markdown} /> : <MarkdownBody text={markdown} />}
      </RenderContext.Provider>,
    );
    // CodeMirror may destroy a widget while React commits (the editor unmounting): unmount after that task's work.
    return () => queueMicrotask(() => root.unmount());
  };
}
