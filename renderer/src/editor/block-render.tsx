/**
 * What Live Preview draws for a callout, table or math block off the cursor (live-preview.ts's block widgets): the
 * block's markdown rendered by the reading view's own path (MarkdownBody: render.ts's grammar, sanitiser and KaTeX,
 * in the markdown worker for a long text), inside a `.reading-body` so it looks as in the Reading view — as Obsidian's
 * Live Preview shows these blocks rendered until the cursor enters them.
 */
import 'katex/dist/katex.min.css';
import '../markdown/reading.css';
import { createRoot } from 'react-dom/client';
import type { OpenOptions } from '../commands/context.ts';
import { chainKey, MarkdownBody, RenderContext, type RenderContextValue } from '../markdown/Markdown.tsx';

/**
 * A renderer of block markdown for the note at `path`: `render(markdown, into)` mounts the rendering into `into`
 * and returns what unmounts it. Links inside follow through `followLink` (as in the Reading view); task checkboxes
 * are read-only (a click on the block opens its source instead).
 */
export function blockRenderer(
  path: string,
  followLink: (fromPath: string, target: string, opts?: OpenOptions) => void,
): (markdown: string, into: HTMLElement) => () => void {
  const ctx: RenderContextValue = {
    path,
    depth: 0,
    chain: [chainKey(path, null, null)],
    followLink,
    previews: false,
    Body: MarkdownBody,
  };
  return (markdown, into) => {
    const root = createRoot(into);
    root.render(
      <RenderContext.Provider value={ctx}>
        <MarkdownBody text={markdown} />
      </RenderContext.Provider>,
    );
    // CodeMirror may destroy a widget while React commits (the editor unmounting): unmount after that task's work.
    return () => queueMicrotask(() => root.unmount());
  };
}
