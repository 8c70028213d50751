/**
 * Reading view (Obsidian's Ctrl/Cmd+E mode): the note's current text — unsaved edits included — rendered from
 * sanitised hast into React elements (hast-util-to-jsx-runtime; no innerHTML, so the CSP needs no exceptions).
 *
 * Links: `[[wiki links]]` and `![[embeds]]` open their target through `onFollowLink` (the same path as the editor's
 * Ctrl-click: resolve, or create the note when unresolved); unresolved ones get the `unresolved` class, as in
 * Obsidian. External http(s) links open in a new window (`target="_blank"`; Electron hands them to the OS browser).
 * In-page `#x` links (footnotes) scroll within the view. Images show as their alt text: remote images would break the
 * CSP (`img-src 'self'`) and vault files have no URL here.
 */
import { useEffect, useMemo, useRef, useState, type ComponentProps, type MouseEvent, type ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime, type Components, type Jsx } from 'hast-util-to-jsx-runtime';
import { api } from '../client.ts';
import { splitWiki } from '../../../electron/core/markdown/index.ts';
import { titleOf } from '../paths.ts';
import { ID_PREFIX, renderMarkdown } from '../markdown/render.ts';
import type { OpenOptions } from '../commands/context.ts';
import { revealReadingLine } from '../navigation/reveal.ts';
import '../markdown/reading.css';

export interface ReadingViewProps {
  /** Vault path of the note (links resolve relative to it). */
  path: string;
  /** The note's current text. */
  text: string;
  /** Changes when the vault changed, so link resolution (resolved / unresolved) is looked up again. */
  refreshKey: number;
  /** Opens (or creates) the target of a wiki link written in `fromPath`, scrolled to its heading or block. */
  onFollowLink(fromPath: string, target: string, opts?: OpenOptions): void;
  /** Scroll request: the element drawn from this 1-based file line is scrolled to and flashed (once per `seq`). */
  reveal?: { line: number; seq: number } | null;
}

/** Resolution of each wiki-link target: a vault path, `null` when unresolved, absent while unknown. */
type Resolutions = ReadonlyMap<string, string | null>;

function useResolutions(path: string, targets: string[], refreshKey: number): Resolutions {
  const [resolved, setResolved] = useState<Resolutions>(new Map());
  const key = targets.join('\n');
  useEffect(() => {
    let live = true;
    Promise.all(targets.map((t) => api.resolveLink(path, t).then((r) => [t, r] as const, () => null))).then((rs) => {
      if (live) setResolved(new Map(rs.filter((r) => r !== null)));
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key, refreshKey]);
  return resolved;
}

export function ReadingView({ path, text, refreshKey, onFollowLink, reveal }: ReadingViewProps) {
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal && articleRef.current) revealReadingLine(articleRef.current, reveal.line);
  }, [reveal?.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  const rendered = useMemo(() => renderMarkdown(text), [text]);
  const targets = useMemo(
    () => [...new Set(rendered.wikiLinks.map((inner) => splitWiki(inner)?.target ?? '').filter(Boolean))],
    [rendered],
  );
  const resolved = useResolutions(path, targets, refreshKey);

  const content = useMemo(() => {
    const components: Partial<Components> = {
      a: (props: ComponentProps<'a'> & { 'data-wikilink'?: string }) => {
        const { 'data-wikilink': inner, href, className, children, ...rest } = props;
        if (inner != null) {
          const parts = splitWiki(inner);
          const target = parts?.target ?? '';
          const heading = parts?.heading ?? null;
          const state = target ? resolved.get(target) : undefined;
          const follow = (e: MouseEvent) => {
            e.preventDefault();
            if (target) onFollowLink(path, target);
            else if (heading) scrollToHeading(e.currentTarget, heading);
          };
          return (
            <a
              {...rest}
              href="#"
              data-wikilink={inner}
              className={`${className ?? ''}${state === null ? ' unresolved' : ''}`}
              title={state === null ? `${target} (not created yet: click to create)` : state ?? target}
              onClick={follow}
            >{children}</a>
          );
        }
        if (href && /^https?:/i.test(href)) {
          return <a {...rest} className={className} href={href} target="_blank" rel="noopener noreferrer" title={href}>{children}</a>;
        }
        if (href?.startsWith('#')) {
          const scroll = (e: MouseEvent) => {
            e.preventDefault();
            const id = decodeURIComponent(href.slice(1));
            e.currentTarget.closest('.reading-view')?.querySelector(`[id="${CSS.escape(ID_PREFIX + id)}"]`)?.scrollIntoView();
          };
          return <a {...rest} className={className} href={href} onClick={scroll}>{children}</a>;
        }
        // mailto: and friends keep their href; a link the sanitiser stripped (e.g. `javascript:`) has none.
        return <a {...rest} className={className} href={href}>{children}</a>;
      },
      img: ({ alt, src }: ComponentProps<'img'>) => (
        <span className="image-ref" title={typeof src === 'string' ? src : undefined}>{alt || (typeof src === 'string' ? src : 'image')}</span>
      ),
    };
    return toJsxRuntime(rendered.tree, {
      Fragment, jsx: jsx as Jsx, jsxs: jsxs as Jsx, components, passKeys: true, ignoreInvalidStyle: true,
    }) as ReactElement;
  }, [rendered, resolved, path, onFollowLink]);

  return (
     <article ref={articleRef} className="reading-view" aria-label={`Reading view of ${titleOf(path)}`} tabIndex={-1}>
      <div className="reading-body">
        {rendered.properties && rendered.properties.length ? (
          <table className="properties" aria-label="Properties">
            <tbody>
              {rendered.properties.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
            </tbody>
          </table>
        ) : null}
        {content}
      </div>
    </article>
  );
}

/** Scrolls to the heading whose text is `heading` (a `[[#heading]]` link within the note). */
function scrollToHeading(from: Element, heading: string) {
  const root = from.closest('.reading-view');
  const hs = root ? [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')] : [];
  hs.find((h) => h.textContent?.trim() === heading.trim())?.scrollIntoView();
}
