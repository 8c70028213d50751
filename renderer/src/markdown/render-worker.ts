/**
 * The markdown rendering worker: runs render.ts's `renderMarkdown` (parse, transforms, sanitiser, KaTeX, lowlight)
 * off the UI thread and posts back the sanitised hast (plain data: it crosses by structured clone). Protocol:
 * in `{ id, text, lineOffset, breaks }`, out `{ id, ok: true, result: RenderedNote }` or `{ id, ok: false, error }`.
 * The page (render-client.ts) terminates the worker when a note takes over its time budget.
 */
import { renderMarkdown } from './render.ts';

interface Job {
  id: number;
  text: string;
  lineOffset: number;
  breaks: boolean;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  const { id, text, lineOffset, breaks } = e.data;
  try {
    const result = renderMarkdown(text, { lineOffset, breaks });
    // Positions are not needed by the view (source lines travel as data-line): leave them out of the clone.
    if (result.tree) dropPositions(result.tree);
    scope.postMessage({ id, ok: true, result });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};

function dropPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  if (node.children) for (const c of node.children) dropPositions(c as { position?: unknown; children?: unknown[] });
}
