/**
 * Reading view (Obsidian's Ctrl/Cmd+E mode): the note's current text — unsaved edits included — rendered as
 * Obsidian renders it (renderer/src/markdown: embeds, attachments, callouts, highlights, tasks, footnotes, code
 * highlighting, math, mermaid), from sanitised hast into React elements (no innerHTML, so the CSP needs no
 * exceptions). Frontmatter shows as a properties table whose link values are clickable.
 *
 * Links: `[[wiki links]]` open their target through `onFollowLink` (the same path as the editor's Ctrl-click:
 * resolve, or create the note when unresolved), scrolled to their heading or block; hovering one shows the page
 * preview. `reveal` scrolls to the element drawn from a source line and flashes it (openNote's targets).
 */
import { useEffect, useMemo, useRef, useEffectEvent } from 'react';
import { titleOf } from '../paths.ts';
import type { OpenOptions } from '../commands/context.ts';
import { revealReadingLine, whenRendered } from '../navigation/reveal.ts';
import { chainKey, MarkdownBody, RenderContext, type RenderContextValue } from '../markdown/Markdown.tsx';
import { noteProperties } from '../markdown/render.ts';
import { PropertiesTable } from '../markdown/Properties.tsx';
import 'katex/dist/katex.min.css';
import '../markdown/reading.css';
// The page preview popover registers itself with hover-store.ts (mounted on first hover).
import '../markdown/HoverPreview.tsx';

export interface ReadingViewProps {
  /** Vault path of the note (links resolve relative to it). */
  path: string;
  /** The note's current text. */
  text: string;
  /** Opens (or creates) the target of a wiki link written in `fromPath`, scrolled to its heading or block. */
  onFollowLink(fromPath: string, target: string, opts?: OpenOptions): void;
  /** Scroll request: the element drawn from this 1-based file line is scrolled to and flashed (once per `seq`). */
  reveal?: { line: number; seq: number } | null;
  /** Scroll offset to return to (px), once per `seq`, when the note is rendered (a tab switch, Back/Forward). */
  restore?: { top: number; seq: number } | null;
  /** `restore` (that `seq`) was applied. */
  onRestored?(seq: number): void;
  /** Ticks or unticks the task starting on this 1-based file line (absent: the checkboxes are read-only). */
  onToggleTask?(line: number): void;
}

export function ReadingView({ path, text, onFollowLink, reveal, restore, onRestored, onToggleTask }: ReadingViewProps) {
  const articleRef = useRef<HTMLElement>(null);
  // Once per scroll request (`seq`), whatever else re-renders the view; the note may still be rendering (in the
  // worker, then slice by slice): reveal once its body is complete.
  const revealSeq = reveal?.seq;
  const onReveal = useEffectEvent((seq: number | undefined) => {
    const root = articleRef.current;
    const body = root?.querySelector(':scope > .reading-body');
    if (seq === undefined || !reveal || !root || !body) return undefined;
    return whenRendered(body, () => revealReadingLine(root, reveal.line));
  });
  useEffect(() => onReveal(revealSeq), [revealSeq]);
  const restoreSeq = restore?.seq;
  const onRestore = useEffectEvent((seq: number | undefined) => {
    const root = articleRef.current;
    const body = root?.querySelector(':scope > .reading-body');
    if (seq === undefined || !restore || !root || !body) return undefined;
    root.scrollTop = 0;
    return whenRendered(body, () => {
      root.scrollTop = restore.top;
      onRestored?.(seq);
    });
  });
  useEffect(() => onRestore(restoreSeq), [restoreSeq]);
  const ctx: RenderContextValue = useMemo(
    () => ({
      path,
      depth: 0,
      chain: [chainKey(path, null, null)],
      followLink: onFollowLink,
      previews: true,
      Body: MarkdownBody,
      toggleTask: onToggleTask,
    }),
    [path, onFollowLink, onToggleTask],
  );
  const properties = useMemo(() => noteProperties(text), [text]);

  return (
    <article ref={articleRef} className="reading-view" aria-label={`Reading view of ${titleOf(path)}`} tabIndex={-1}>
      <RenderContext.Provider value={ctx}>
        <div className="reading-body">
          {properties && properties.length ? <PropertiesTable properties={properties} /> : null}
          <MarkdownBody text={text} />
        </div>
      </RenderContext.Provider>
    </article>
  );
}
