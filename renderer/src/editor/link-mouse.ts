/**
 * Wiki links under the mouse in the editor, as in Obsidian's source mode: Ctrl/Cmd-click follows the link,
 * Ctrl/Cmd-hover shows the page preview (markdown/hover-store.ts). The link under the pointer is the grammar's
 * answer (`wikiLinkAt`).
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { OpenOptions } from '../commands/context.ts';
import { hidePreview, hidePreviewSoon, showPreview } from '../markdown/hover-store.ts';
import { wikiLinkAt } from './wiki-links.ts';

/** Least time between two hover look-ups, ms (each reads the text around the pointer). */
const HOVER_CHECK_MS = 100;

/** The mouse handlers for the note at `path`; `follow` opens a link's target. */
export function linkMouseHandlers(
  path: string,
  follow: (fromPath: string, target: string, opts?: OpenOptions) => void,
): Extension {
  let lastHoverCheck = 0;
  return EditorView.domEventHandlers({
    mousedown(e, view) {
      if (!(e.ctrlKey || e.metaKey) || e.button !== 0) return false;
      const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
      const link = pos == null ? null : wikiLinkAt(view.state, pos);
      if (link == null) return false;
      e.preventDefault();
      const parts = link.parts;
      hidePreview();
      if (parts) follow(path, parts.target, { heading: parts.heading ?? undefined, block: parts.block ?? undefined });
      return true;
    },
    mousemove(e, view) {
      if (!(e.ctrlKey || e.metaKey)) return false;
      const now = performance.now();
      if (now - lastHoverCheck < HOVER_CHECK_MS) return false;
      lastHoverCheck = now;
      const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
      const parts = pos == null ? null : (wikiLinkAt(view.state, pos)?.parts ?? null);
      if (!parts || pos == null) {
        hidePreviewSoon();
        return false;
      }
      const { left, right, top, bottom } = view.coordsAtPos(pos) ?? {
        left: e.clientX,
        right: e.clientX,
        top: e.clientY,
        bottom: e.clientY,
      };
      showPreview({
        fromPath: path,
        target: parts.target,
        heading: parts.heading,
        block: parts.block,
        rect: { left, right, top, bottom },
      });
      return false;
    },
    mouseleave() {
      hidePreviewSoon();
      return false;
    },
  });
}
