/**
 * The page preview popover: the hovered link's target rendered (sanitised, like an embed) in a floating panel next
 * to the link, scrolled to the link's heading or block. Closes on Escape, on a click elsewhere, or when the pointer
 * leaves link and popover. Links inside it open their target in the app (AppContext.openNote); links inside a
 * preview open no further preview. State: hover-store.ts.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { EmbedContent } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { appContext } from '../commands/registry.ts';
import type { OpenOptions } from '../commands/context.ts';
import { titleOf } from '../paths.ts';
import { elementForLine, whenRendered } from '../navigation/reveal.ts';
import { Attachment } from './Embed.tsx';
import { chainKey, MarkdownBody, RenderContext, type RenderContextValue } from './Markdown.tsx';
import {
  currentPreview,
  hidePreview,
  hidePreviewSoon,
  keepPreview,
  setPreviewMounter,
  subscribePreview,
  type PreviewRequest,
} from './hover-store.ts';

const WIDTH = 460;
const MAX_HEIGHT = 360;

/** Mounts the popover's own React root (once). */
export function mountHoverPreview(): void {
  if (document.getElementById('atlas-hover-preview')) return;
  const host = document.createElement('div');
  host.id = 'atlas-hover-preview';
  document.body.appendChild(host);
  createRoot(host).render(<HoverPreview />);
}

setPreviewMounter(mountHoverPreview);

function HoverPreview() {
  const req = useSyncExternalStore(subscribePreview, currentPreview);
  useEffect(() => {
    if (!req) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hidePreview();
    };
    const onDown = (e: MouseEvent) => {
      if (!(e.target as Element).closest?.('.hover-popover')) hidePreview();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [req]);
  return req ? <Popover key={req.seq} req={req} /> : null;
}

function followFromPreview(fromPath: string, target: string, opts?: OpenOptions): void {
  hidePreview();
  const open = (p: string | null) => {
    if (p) appContext()?.openNote(p, opts);
  };
  if (target.trim() === '') open(fromPath);
  else void api.resolveLink(fromPath, target).then(open, () => {});
}

function Popover({ req }: { req: PreviewRequest }) {
  const [note, setNote] = useState<EmbedContent | { error: string } | null>(null);
  const [line, setLine] = useState<number | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api.embed(req.fromPath, req.target).then(
      (r) => {
        if (live) setNote(r);
      },
      (e: unknown) => {
        if (live) setNote({ error: String(e) });
      },
    );
    if (req.heading || req.block) {
      api.embed(req.fromPath, req.target, req.block ? null : req.heading, req.block).then(
        (r) => {
          if (live && !r.missing) setLine(r.line);
        },
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [req]);

  // Scroll the preview to the heading or block, once the text is drawn and its line known.
  useLayoutEffect(() => {
    const box = body.current;
    if (!box || line === null || !note || 'error' in note) return;
    return whenRendered(box, () => {
      const el = elementForLine(box, line);
      if (!el) return;
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.dataset.scrolledTo = String(line);
    });
  }, [note, line]);

  const below = req.rect.bottom + 6;
  const fitsBelow = below + MAX_HEIGHT < window.innerHeight;
  const style = {
    left: Math.max(4, Math.min(req.rect.left, window.innerWidth - WIDTH - 8)),
    top: fitsBelow ? below : Math.max(4, req.rect.top - MAX_HEIGHT - 6),
    width: WIDTH,
    maxHeight: MAX_HEIGHT,
  };
  let content: ReactNode;
  if (!note) content = <p className="muted">Loading…</p>;
  else if ('error' in note) content = <p className="muted">{note.error}</p>;
  else if (note.kind === 'unresolved' || !note.path)
    content = <p className="muted">“{req.target}” is not created yet.</p>;
  else if (note.kind === 'attachment') content = <Attachment path={note.path} />;
  else {
    const ctx: RenderContextValue = {
      path: note.path,
      depth: 1,
      chain: [chainKey(note.path, null, null)],
      followLink: followFromPreview,
      previews: false,
      Body: MarkdownBody,
    };
    content = (
      <RenderContext.Provider value={ctx}>
        <MarkdownBody text={note.markdown} lineOffset={note.line - 1} />
      </RenderContext.Provider>
    );
  }
  const title = note && !('error' in note) && note.path ? titleOf(note.path) : req.target || titleOf(req.fromPath);
  return (
    <div
      className="hover-popover"
      role="dialog"
      aria-label="Page preview"
      style={style}
      onMouseEnter={keepPreview}
      onMouseLeave={hidePreviewSoon}
    >
      <div className="hover-popover-title">{title}</div>
      <div ref={body} className="reading-body hover-popover-body">
        {content}
      </div>
    </div>
  );
}
