/**
 * Rendered markdown as React: the sanitised hast of render.ts turned into elements (hast-util-to-jsx-runtime; no
 * innerHTML), with Obsidian's behaviours attached. Used by the reading view, by embeds inside it and by the hover
 * preview, which all share one {@link RenderContext} (the note the text comes from, the embed depth and chain).
 *
 * - Wiki links open their target through `followLink` (resolve, or create when unresolved), scrolled to their
 *   heading or block. Their look tells how they resolve (api.resolveLinks): `unresolved` (no such note), `broken-anchor`
 *   (the note has no such heading/block) and `via-alias` (only an alias matched), each with a tooltip saying why.
 *   Hovering one opens the page preview (HoverPreview.tsx).
 * - Embeds `![[…]]` and markdown images `![alt](x.png)` of vault files: Embed.tsx.
 * - Callouts: Callout.tsx; ```mermaid blocks: Mermaid.tsx (lazy). Math and code highlighting come done from render.ts.
 * - External http(s) links open in a new window; in-page `#x` links (footnotes) scroll within the view.
 * - A note over render.ts's RICH_MAX_CHARS is shown as plain text with a notice.
 */
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime, type Components, type Jsx } from 'hast-util-to-jsx-runtime';
import type { Root, RootContent } from 'hast';
import type { LinkState } from '../../../electron/shared/api.ts';
import { splitWiki } from '../../../electron/core/markdown/index.ts';
import { api } from '../client.ts';
import { titleOf } from '../paths.ts';
import { Callout } from './Callout.tsx';
import { Embed, VaultImage } from './Embed.tsx';
import { Mermaid } from './Mermaid.tsx';
import { hidePreviewSoon, showPreview } from './hover-store.ts';
import { internalHref, RenderContext } from './render-context.ts';
import { useApiQuery } from '../backend/query.ts';

const NO_LINKS: readonly string[] = [];

export { chainKey, MAX_EMBED_DEPTH, RenderContext, type RenderContextValue } from './render-context.ts';
import { EMBED_BLOCK_CLASS, ID_PREFIX, RICH_MAX_CHARS } from './render.ts';
import { renderInWorker, renderNow, WORKER_BUDGET_MS, type RenderOutcome } from './render-client.ts';
import { useSettings } from '../settings/store.ts';
import { taskLabel } from './task-label.ts';
import { requestSearch, tagQuery } from '../navigation/search-request.ts';

const NO_STATES: ReadonlyMap<string, LinkState> = new Map();

/**
 * How each wiki link (by inner text) of a rendered text resolves, looked up again for every index version (the query
 * cache, backend/query.ts); absent while unknown.
 */
function useLinkStates(path: string, inners: readonly string[]): ReadonlyMap<string, LinkState> {
  const { data } = useApiQuery(inners.length ? ['resolveLinks', path, inners] : null, async () => {
    const queries = inners.map((inner) => {
      const parts = splitWiki(inner);
      return { target: parts?.target ?? '', heading: parts?.heading ?? null, block: parts?.block ?? null };
    });
    const states = await api.resolveLinks(path, queries);
    return new Map(inners.map((inner, i) => [inner, states[i]] as const)) as ReadonlyMap<string, LinkState>;
  });
  return data ?? NO_STATES;
}

function linkLook(
  target: string,
  heading: string | null,
  block: string | null,
  state: LinkState | undefined,
): { cls: string; title: string } {
  if (!state) return { cls: '', title: target };
  if (state.path === null) return { cls: ' unresolved', title: `${target} (not created yet: click to create)` };
  const name = titleOf(state.path);
  if (state.anchor === 'missing') {
    return block
      ? { cls: ' broken-anchor', title: `Block ^${block} not found in ${name}` }
      : { cls: ' broken-anchor', title: `Heading “${heading}” not found in ${name}` };
  }
  if (state.viaAlias) return { cls: ' via-alias', title: `${state.path} (resolved through an alias of ${name})` };
  return { cls: '', title: state.path };
}

/** How the wiki links of the surrounding MarkdownBody resolve (by inner text). */
const LinkStates = createContext<ReadonlyMap<string, LinkState>>(new Map());

function WikiLink(props: { inner: string; className?: string; children?: ReactNode }) {
  const ctx = useContext(RenderContext);
  const state = useContext(LinkStates).get(props.inner);
  const parts = splitWiki(props.inner);
  const target = parts?.target ?? '';
  const heading = parts?.heading ?? null;
  const block = parts?.block ?? null;
  const look = linkLook(target || titleOf(ctx.path), heading, block, state);
  const follow = (e: MouseEvent) => {
    e.preventDefault();
    ctx.followLink(ctx.path, target, { heading: heading ?? undefined, block: block ?? undefined });
  };
  return (
    <a
      href={internalHref(props.inner)}
      data-wikilink={props.inner}
      className={`${props.className ?? 'wikilink'}${look.cls}`}
      title={look.title}
      onClick={follow}
      onMouseEnter={
        ctx.previews
          ? (e) =>
              showPreview({ fromPath: ctx.path, target, heading, block, rect: e.currentTarget.getBoundingClientRect() })
          : undefined
      }
      onMouseLeave={ctx.previews ? () => hidePreviewSoon() : undefined}
    >
      {props.children}
    </a>
  );
}

function hasClass(className: unknown, name: string): boolean {
  return typeof className === 'string' && className.split(/\s+/).includes(name);
}

/** The text of a hast-rendered `<code>` element's children. */
function codeText(children: ReactNode): string {
  if (typeof children === 'string') return children;
  if (Array.isArray(children)) return children.map(codeText).join('');
  return '';
}

type AnyProps = Record<string, unknown> & { children?: ReactNode; className?: string };

/** The element overrides, one object for the app's lifetime (stable component identities: nothing remounts). */
/**
 * A task's checkbox: in the note's own Reading view a click ticks or unticks it in the note (through the editor, so
 * it is an edit like any other); inside an embed or a preview it is read-only, as the sanitised HTML has it.
 * `status` is the character between the brackets (Obsidian's `data-task`: ' ', 'x', or a custom one such as '/').
 */
function TaskCheckbox({ checked, status }: { checked: boolean; status: string | undefined }) {
  const ctx = useContext(RenderContext);
  const toggle = ctx.depth === 0 ? ctx.toggleTask : undefined;
  return (
    <input
      type="checkbox"
      className="task-list-item-checkbox"
      checked={checked}
      disabled={!toggle}
      data-task={status}
      aria-label={taskLabel(status, checked)}
      onChange={(e) => {
        const line = Number(e.currentTarget.closest('li[data-line]')?.getAttribute('data-line'));
        if (toggle && line > 0) toggle(line);
      }}
    />
  );
}

const COMPONENTS: Partial<Components> = makeComponents();

function makeComponents(): Partial<Components> {
  return {
    a: (props: ComponentProps<'a'> & { 'data-wikilink'?: string; 'data-tag'?: string }) => {
      const { 'data-wikilink': inner, href, className, children, ...rest } = props;
      if (inner != null) {
        if (hasClass(className, 'embed')) return <Embed inner={inner} />;
        return (
          <WikiLink inner={inner} className={className}>
            {children}
          </WikiLink>
        );
      }
      if (props['data-tag'] != null) {
        return (
          <a
            {...rest}
            className={className}
            href={internalHref(`#${props['data-tag']}`)}
            onClick={(e) => {
              e.preventDefault();
              requestSearch(tagQuery(String(props['data-tag'])));
            }}
          >
            {children}
          </a>
        );
      }
      if (href && /^https?:/i.test(href)) {
        return (
          <a {...rest} className={className} href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {children}
          </a>
        );
      }
      if (href?.startsWith('#')) {
        const scroll = (e: MouseEvent) => {
          e.preventDefault();
          const id = decodeURIComponent(href.slice(1));
          e.currentTarget
            .closest('.reading-body')
            ?.querySelector(`[id="${CSS.escape(ID_PREFIX + id)}"]`)
            ?.scrollIntoView();
        };
        return (
          <a {...rest} className={className} href={href} onClick={scroll}>
            {children}
          </a>
        );
      }
      // mailto: and friends keep their href; a link the sanitiser stripped (e.g. `javascript:`) has none.
      return (
        <a {...rest} className={className} href={href}>
          {children}
        </a>
      );
    },
    input: (props: ComponentProps<'input'> & { 'data-task'?: string }) =>
      props.type === 'checkbox' ? (
        <TaskCheckbox checked={!!props.checked} status={props['data-task']} />
      ) : (
        <input {...props} />
      ),
    img: ({ alt, src }: ComponentProps<'img'>) => (
      <VaultImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />
    ),
    div: (props: AnyProps) => {
      const { className, children, ...rest } = props;
      if (hasClass(className, 'callout')) {
        const fold = rest['data-callout-fold'];
        return (
          <Callout
            type={String(rest['data-callout'] ?? 'note')}
            fold={fold === 'open' || fold === 'closed' ? fold : null}
            dataLine={rest['data-line'] as number | undefined}
            blockId={rest['data-block-id'] as string | undefined}
          >
            {children}
          </Callout>
        );
      }
      return (
        <div {...rest} className={className}>
          {children}
        </div>
      );
    },
    pre: (props: AnyProps) => {
      const { children, ...rest } = props;
      const only = Array.isArray(children) ? children.find((c) => c && typeof c === 'object') : children;
      if (only && typeof only === 'object' && 'props' in (only as object)) {
        const code = only as ReactElement<AnyProps>;
        if (hasClass(code.props.className, 'language-mermaid')) {
          return (
            <div data-line={rest['data-line'] as number | undefined}>
              <Mermaid code={codeText(code.props.children).replace(/\n$/, '')} />
            </div>
          );
        }
      }
      return <pre {...rest}>{children}</pre>;
    },
  };
}

/** Top-level blocks committed per frame, so drawing a long note never holds the UI thread in one task. */
const BLOCKS_PER_FRAME = 150;

/** The rendering of a text: at once when short or cached, else from the worker (null meanwhile). */
function useRendered(text: string, lineOffset: number): RenderOutcome | null {
  // the "Strict line breaks" setting (off, Obsidian's default: a single line break shows as one)
  const breaks = !useSettings().values.strictLineBreaks;
  const now = useMemo(
    () => (text.length > RICH_MAX_CHARS ? null : renderNow(text, lineOffset, breaks)),
    [text, lineOffset, breaks],
  );
  const [later, setLater] = useState<{
    text: string;
    lineOffset: number;
    breaks: boolean;
    value: RenderOutcome;
  } | null>(null);
  useEffect(() => {
    if (now || text.length > RICH_MAX_CHARS) return;
    let live = true;
    renderInWorker(text, lineOffset, breaks).then(
      (value) => {
        if (live) setLater({ text, lineOffset, breaks, value });
      },
      () => {
        if (live) setLater({ text, lineOffset, breaks, value: { timedOut: true } });
      },
    );
    return () => {
      live = false;
    };
  }, [now, text, lineOffset, breaks]);
  if (now) return now;
  return later && later.text === text && later.lineOffset === lineOffset && later.breaks === breaks
    ? later.value
    : null;
}

/** One slice of a note's top-level blocks, converted and committed once (memo: a later slice does not redraw it). */
const Chunk = memo(function Chunk({ nodes }: { nodes: RootContent[] }) {
  return toJsxRuntime({ type: 'root', children: nodes } as Root, {
    Fragment,
    jsx: jsx as Jsx,
    jsxs: jsxs as Jsx,
    components: COMPONENTS,
    passKeys: true,
    ignoreInvalidStyle: true,
  }) as ReactElement;
});

/** Rendered markdown of `text` (a whole note, or an excerpt starting at file line `lineOffset + 1`). */
export function MarkdownBody({ text, lineOffset = 0 }: { text: string; lineOffset?: number }) {
  const ctx = useContext(RenderContext);
  const outcome = useRendered(text, lineOffset);
  const rendered = outcome && !('timedOut' in outcome) ? outcome : null;
  const states = useLinkStates(ctx.path, rendered?.wikiLinks ?? NO_LINKS);
  // Slices of BLOCKS_PER_FRAME top-level blocks, each keyed by the index of its first block in the note.
  const chunks = useMemo(() => {
    const kids = rendered?.tree?.children ?? [];
    const out: { first: number; nodes: RootContent[] }[] = [];
    for (let i = 0; i < kids.length; i += BLOCKS_PER_FRAME)
      out.push({ first: i, nodes: kids.slice(i, i + BLOCKS_PER_FRAME) });
    return out;
  }, [rendered]);
  // How many slices are committed, one more per animation frame; a new rendering starts again at one.
  const [progress, setProgress] = useState({ chunks, shown: 1 });
  const shown = progress.chunks === chunks ? progress.shown : 1;
  useEffect(() => {
    if (shown >= chunks.length) return;
    const id = requestAnimationFrame(() => setProgress({ chunks, shown: shown + 1 }));
    return () => cancelAnimationFrame(id);
  }, [shown, chunks]);
  if (text.length > RICH_MAX_CHARS) return <PlainText text={text} reason="size" />;
  if (!outcome) return <PlainText text={text} reason="pending" />;
  if ('timedOut' in outcome) return <PlainText text={text} reason="time" />;
  if (rendered?.plain) return <PlainText text={text} reason="size" />;
  return (
    <div className="markdown-rendered" data-complete={shown >= chunks.length ? 'true' : 'false'}>
      <LinkStates.Provider value={states}>
        {chunks.slice(0, shown).map(({ first, nodes }) => (
          <Chunk key={first} nodes={nodes} />
        ))}
      </LinkStates.Provider>
    </div>
  );
}

/** Characters per block of the plain view (each block is laid out only when it scrolls into view). */
const PLAIN_CHUNK = 16_000;

/**
 * A note shown as plain text: while it renders (`pending`), or because it is too large (`size`) or took too long
 * (`time`) for rich rendering. The text is cut at line ends into blocks with `content-visibility: auto`, so even a
 * note of megabytes paints at once.
 */
export function PlainText({ text, reason }: { text: string; reason: 'pending' | 'size' | 'time' }) {
  // Each block is keyed by its start offset in the text.
  const chunks = useMemo(() => {
    const out: { start: number; text: string }[] = [];
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + PLAIN_CHUNK);
      if (end < text.length) {
        const nl = text.indexOf('\n', end);
        end = nl < 0 ? text.length : nl + 1;
      }
      out.push({ start: i, text: text.slice(i, end) });
      i = end;
    }
    return out;
  }, [text]);
  const kb = (text.length / 1024).toFixed(0);
  return (
    <div className="plain-fallback" data-reason={reason}>
      {reason === 'pending' ? (
        <p className="plain-notice" aria-busy="true">
          Rendering…
        </p>
      ) : (
        <p className="plain-notice" role="note">
          {reason === 'size'
            ? `This note is ${kb} K characters long: it is shown as plain text (rich rendering stops at ${RICH_MAX_CHARS / 1000} K characters, to keep the app responsive).`
            : `This note took too long to render (over ${WORKER_BUDGET_MS / 1000} s): it is shown as plain text.`}
        </p>
      )}
      {chunks.map((c) => (
        <pre className="plain-text" key={c.start}>
          {c.text}
        </pre>
      ))}
    </div>
  );
}

export { EMBED_BLOCK_CLASS };
